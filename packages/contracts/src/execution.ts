import { z } from 'zod';
import {
  ZAttemptSchema,
  ZDispatchModeSchema,
  ZExecutionStatusSchema,
  ZOutputMismatchSchema,
} from './automation';
import { storableString } from './json-value';
import { optionalQueryParam } from './query-params';

/**
 * Which door an event came in by: the REST automation endpoint, tRPC, the dashboard, or an MCP
 * client's tool call. Executions recorded before sources existed are `api`.
 */
export const EXECUTION_SOURCES = ['api', 'rest', 'trpc', 'dashboard', 'mcp'] as const;
export const ZExecutionSourceSchema = z.enum(EXECUTION_SOURCES);
export type ExecutionSource = z.infer<typeof ZExecutionSourceSchema>;

export const ZExecutionSchema = z.object({
  id: z.guid(),
  flow_execution_id: z.string(),
  event_index: z.number().int(),
  action_type: z.string(),
  plugin_id: z.guid().nullable(),
  plugin_slug: z.string().nullable(),
  status: ZExecutionStatusSchema,
  mode: ZDispatchModeSchema,
  payload: z.unknown(),
  result: z.unknown(),
  /** Null when the answer fit the action's output_schema, or it has none. */
  output_mismatch: ZOutputMismatchSchema.nullable(),
  source: ZExecutionSourceSchema,
  error: z.string().nullable(),
  error_code: z.string().nullable(),
  duration_ms: z.number().nullable(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  idempotency_key: z.string().nullable(),
  attempts: z.array(ZAttemptSchema),
  /** When the queue tries again (`retrying`, or `queued` behind an open circuit or a paused plugin). */
  next_attempt_at: z.string().nullable(),
  /** A dry run's record: nothing was done, and its idempotency key was not claimed. */
  dry_run: z.boolean(),
});
export type Execution = z.output<typeof ZExecutionSchema>;

export const ZListExecutionsQuerySchema = z.object({
  status: ZExecutionStatusSchema.optional(),
  action_type: storableString().max(100).optional(),
  plugin_id: z.guid().optional(),
  flow_execution_id: storableString().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: storableString().max(200).optional(),
});
export type ListExecutionsQuery = z.output<typeof ZListExecutionsQuerySchema>;

export const ZExecutionListSchema = z.object({
  items: z.array(ZExecutionSchema),
  next_cursor: z.string().nullable(),
});
export type ExecutionList = z.output<typeof ZExecutionListSchema>;

/** `GET /api/executions`: the list's filters as query parameters (strings, blanks ignored). */
export const ZListExecutionsParamsSchema = z.object({
  status: optionalQueryParam(ZExecutionStatusSchema, 'Only executions with this status.'),
  action_type: optionalQueryParam(storableString().max(100), 'Only this action type.'),
  plugin_id: optionalQueryParam(z.guid(), 'Only events of this plugin.'),
  flow_execution_id: optionalQueryParam(
    storableString().max(200),
    'Only the events of this flow run.',
  ),
  from: optionalQueryParam(
    z.iso.datetime({ offset: true }),
    'Created at or after this time (ISO 8601).',
  ),
  to: optionalQueryParam(
    z.iso.datetime({ offset: true }),
    'Created at or before this time (ISO 8601).',
  ),
  limit: optionalQueryParam(z.coerce.number().int().min(1).max(200), 'Page size, 50 when absent.')
    .transform((n) => n ?? 50)
    .meta({ description: 'Page size, 50 when absent.' }),
  cursor: optionalQueryParam(storableString().max(200), 'The `next_cursor` of the previous page.'),
});

/** `POST /api/plugins/{slug}/recover`: which of the plugin's failures to deliver again. */
export const ZRecoverPluginEventsRequestSchema = z.strictObject({
  since: z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-12-01T00:00:00Z' })
    .meta({ description: 'Recover events that failed or died at or after this time.' }),
});
export type RecoverPluginEventsRequest = z.output<typeof ZRecoverPluginEventsRequestSchema>;

export const ZRecoverPluginEventsResponseSchema = z.object({
  success: z.literal(true),
  plugin_slug: z.string(),
  /** Events put back on the queue (at most `limit`; call again for more). */
  recovered: z.number().int(),
  limit: z.number().int(),
});
export type RecoverPluginEventsResponse = z.output<typeof ZRecoverPluginEventsResponseSchema>;
