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

/**
 * `sync` (the default, the seed document's contract): the answer waits for each event's outcome.
 * `async`: the events are queued and the answer (202) comes at once; outcomes are read from
 * `GET /api/executions`.
 */
export const DISPATCH_MODES = ['sync', 'async'] as const;
export const ZDispatchModeSchema = z.enum(DISPATCH_MODES);
export type DispatchMode = z.infer<typeof ZDispatchModeSchema>;

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
  mode: ZDispatchModeSchema.optional(),
  /**
   * Runs everything up to the call (auth, routing, required fields, schemas, URL policy,
   * circuit) and records a dry-run record in history, but does nothing: platform actions roll
   * back, plugins are called only when their action `supports_dry_run`. Answered at once, in
   * the sync shape, whatever `mode` asks.
   */
  dry_run: z.boolean().optional(),
});
export type DispatchRequest = z.output<typeof ZDispatchRequestSchema>;

/**
 * Where an event is in its life: `queued` (waiting for a worker, or for its plugin),
 * `running` (being delivered), `retrying` (an attempt failed; another comes at
 * `next_attempt_at`), then `succeeded`, `failed` (refused, or failed before any call) or
 * `dead` (out of attempts; an operator can redeliver it).
 */
export const EXECUTION_STATUSES = [
  'queued',
  'running',
  'retrying',
  'succeeded',
  'failed',
  'dead',
] as const;
export const ZExecutionStatusSchema = z.enum(EXECUTION_STATUSES);
export type ExecutionStatus = z.infer<typeof ZExecutionStatusSchema>;
export const FINAL_EXECUTION_STATUSES: readonly ExecutionStatus[] = ['succeeded', 'failed', 'dead'];

/** The call a dry run would send to a plugin: the signature is never shown. */
export const ZDryRunRequestSchema = z.object({
  method: z.literal('POST'),
  url: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.unknown(),
});
export type DryRunRequest = z.output<typeof ZDryRunRequestSchema>;

/** Something the caller should know about a call that ran: e.g. its action is deprecated. */
export const ZEventWarningSchema = z.object({
  code: z.literal('ACTION_DEPRECATED'),
  message: z.string(),
  replaced_by: z.string().optional(),
  sunset: z.string().optional(),
});
export type EventWarning = z.output<typeof ZEventWarningSchema>;

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
  status: ZExecutionStatusSchema,
  /** Present when there is something to heed, such as a deprecated action. */
  warnings: z.array(ZEventWarningSchema).optional(),
  /** The event was a dry run: nothing was done (see `dry_run` on the request). */
  dry_run: z.literal(true).optional(),
  /**
   * A dry run of a plugin action: the call that would be sent (sent with `webhook-dry-run: true`
   * only when the action `supports_dry_run`), its signature redacted.
   */
  request: ZDryRunRequestSchema.optional(),
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
  'IN_PROGRESS',
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

/** Where a successful answer breaks its action's `output_schema` (the event still succeeded). */
export const ZOutputMismatchSchema = z
  .array(z.object({ field: z.string(), message: z.string() }))
  .meta({
    description:
      "How the plugin's answer breaks the action's output_schema; absent when it fits or no schema is registered.",
  });
export type OutputMismatch = z.output<typeof ZOutputMismatchSchema>;

export const ZEventResultSchema = z.discriminatedUnion('success', [
  ZEventResultBaseSchema.extend({
    success: z.literal(true),
    result: z.unknown(),
    output_mismatch: ZOutputMismatchSchema.optional(),
  }),
  ZEventResultBaseSchema.extend({
    success: z.literal(false),
    error: z.string(),
    error_code: ZEventErrorCodeSchema,
    http_status: z.number().int().optional(),
    /** With status `retrying` (or `queued` behind an open circuit): when delivery goes on. */
    next_attempt_at: z.string().optional(),
  }),
]);
export type EventResult = z.output<typeof ZEventResultSchema>;

export const ZDispatchResponseSchema = z.object({
  flow_execution_id: z.string(),
  /** The batch was a dry run: nothing was done. */
  dry_run: z.literal(true).optional(),
  results: z.array(ZEventResultSchema),
  summary: z.object({
    total: z.number().int(),
    successful: z.number().int(),
    /** Events that did not succeed by the time of the answer (`retrying` ones included). */
    failed: z.number().int(),
    /** Of the failed, those the queue goes on delivering in the background. */
    retrying: z.number().int(),
    duration_ms: z.number(),
  }),
});
export type DispatchResponse = z.output<typeof ZDispatchResponseSchema>;

/** One event of an async batch: queued for delivery, or refused before any call. */
export const ZQueuedEventSchema = z.object({
  index: z.number().int(),
  action_type: z.string(),
  plugin_id: z.guid().optional(),
  execution_id: z.guid(),
  status: ZExecutionStatusSchema,
  error: z.string().optional(),
  error_code: ZEventErrorCodeSchema.optional(),
  replayed: z.literal(true).optional(),
});
export type QueuedEvent = z.output<typeof ZQueuedEventSchema>;

/** The 202 answer to `"mode": "async"`: what was queued; outcomes come from /api/executions. */
export const ZAsyncDispatchResponseSchema = z.object({
  flow_execution_id: z.string(),
  mode: z.literal('async'),
  results: z.array(ZQueuedEventSchema),
  summary: z.object({
    total: z.number().int(),
    queued: z.number().int(),
    failed: z.number().int(),
    /** Replayed events whose delivery had already succeeded. */
    succeeded: z.number().int(),
  }),
});
export type AsyncDispatchResponse = z.output<typeof ZAsyncDispatchResponseSchema>;

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
  /** The circuit breakers of the tenant's plugins that have been called (shared by every process). */
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
