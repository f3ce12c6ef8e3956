import { z } from 'zod';
import { ZActionTypeSchema } from './action-definition';
import { exceedsJsonDepth, MAX_JSON_DEPTH } from './json-value';
import { ZPluginCircuitSchema } from './plugin-circuit';
import { whenPresent } from './validation-issues';

export const MAX_EVENTS_PER_BATCH = 1000;

/**
 * A caller's key for one event. It is sent to the plugin as the `webhook-id` header, hence
 * visible ASCII only.
 */
export const ZIdempotencyKeySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters')
  .regex(/^[\x21-\x7e]+$/, 'must contain only visible ASCII characters (no spaces)');

export const ZAutomationEventSchema = z.strictObject({
  action_type: ZActionTypeSchema,
  /** Replaying an event with the same key returns its recorded outcome; derived when absent. */
  idempotency_key: ZIdempotencyKeySchema.optional(),
  /** Routes the event to this plugin's registered action; absent or null for platform actions. */
  plugin_id: z.guid(whenPresent('must be a UUID')).nullish(),
  payload: z
    .record(z.string(), z.unknown(), {
      error: (issue) => (issue.input === undefined ? undefined : 'must be a JSON object'),
    })
    .refine((payload) => !exceedsJsonDepth(payload), {
      message: `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
    })
    .default({}),
});
export type AutomationEvent = z.output<typeof ZAutomationEventSchema>;

export const ZDispatchRequestSchema = z.strictObject({
  /** Ties the events to the caller's flow run; one is generated when absent. */
  flow_execution_id: z
    .string()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters')
    .refine(
      (id) => !hasControlCharacter(id) && id.isWellFormed(),
      'must not contain control characters or unpaired surrogates',
    )
    .optional(),
  events: z
    .array(ZAutomationEventSchema)
    .min(1, 'must contain at least one event')
    .max(MAX_EVENTS_PER_BATCH, `must contain at most ${MAX_EVENTS_PER_BATCH} events`),
});
export type DispatchRequest = z.output<typeof ZDispatchRequestSchema>;

const ZEventResultBaseSchema = z.object({
  index: z.number().int(),
  execution_id: z.guid(),
  action_type: z.string(),
  plugin_id: z.guid().optional(),
  plugin_slug: z.string().optional(),
  duration_ms: z.number(),
  /** Plugin calls made for the event (0 for platform actions and events never sent). */
  attempts: z.number().int(),
  /** Present when the event's key was already recorded: this is that recorded outcome. */
  replayed: z.literal(true).optional(),
});

/** Stable reasons an event failed; plugin call failures say how the call failed. */
export const EVENT_ERROR_CODES = [
  'ACTION_NOT_FOUND',
  'PLUGIN_NOT_FOUND',
  'PLUGIN_INACTIVE',
  'PLUGIN_NOT_CONFIGURED',
  // No longer given (an event without plugin_id goes to its type's default provider); kept
  // because recorded executions carry it.
  'AMBIGUOUS_ACTION',
  'MISSING_REQUIRED_FIELDS',
  'INVALID_PAYLOAD',
  'NOT_FOUND',
  'CONFLICT',
  'TIMEOUT',
  'CONNECTION_REFUSED',
  'ADDRESS_NOT_ALLOWED',
  'CONNECTION_RESET',
  'DNS',
  'NETWORK_ERROR',
  'TLS',
  'HTTP_4XX',
  'HTTP_5XX',
  'REDIRECT_BLOCKED',
  'BODY_TOO_LARGE',
  'INVALID_JSON',
  'CIRCUIT_OPEN',
  'IDEMPOTENCY_CONFLICT',
  'INTERNAL_ERROR',
] as const;
export const ZEventErrorCodeSchema = z.enum(EVENT_ERROR_CODES);
export type EventErrorCode = z.infer<typeof ZEventErrorCodeSchema>;

/** One plugin call made for an event; `reason` is null for the call that succeeded. */
export const ZAttemptSchema = z.object({
  number: z.number().int(),
  reason: ZEventErrorCodeSchema.nullable(),
  http_status: z.number().int().nullable(),
  duration_ms: z.number(),
  started_at: z.string(),
});
export type Attempt = z.output<typeof ZAttemptSchema>;

export const ZEventResultSchema = z.discriminatedUnion('success', [
  ZEventResultBaseSchema.extend({ success: z.literal(true), result: z.unknown() }),
  ZEventResultBaseSchema.extend({
    success: z.literal(false),
    error: z.string(),
    error_code: ZEventErrorCodeSchema,
    http_status: z.number().int().optional(),
  }),
]);
export type EventResult = z.output<typeof ZEventResultSchema>;

export const ZDispatchResponseSchema = z.object({
  flow_execution_id: z.string(),
  results: z.array(ZEventResultSchema),
  summary: z.object({
    total: z.number().int(),
    successful: z.number().int(),
    failed: z.number().int(),
    duration_ms: z.number(),
  }),
});
export type DispatchResponse = z.output<typeof ZDispatchResponseSchema>;

export const ZAutomationHealthSchema = z.object({
  status: z.enum(['healthy', 'degraded']),
  platform_actions: z.object({ count: z.number().int(), actions: z.array(z.string()) }),
  plugin_actions: z.object({
    count: z.number().int(),
    actions: z.array(
      z.object({
        action_type: z.string(),
        title: z.string(),
        category: z.string(),
        plugin_id: z.guid(),
        plugin_slug: z.string(),
        plugin_name: z.string(),
      }),
    ),
    error: z.string().optional(),
  }),
  total_actions: z.number().int(),
  /** This server process's circuit breakers for the tenant's plugins, where any exist. */
  plugin_circuits: z.array(
    ZPluginCircuitSchema.extend({ plugin_id: z.guid(), plugin_slug: z.string() }),
  ),
});
export type AutomationHealth = z.output<typeof ZAutomationHealthSchema>;

function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
