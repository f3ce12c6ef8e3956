import { z } from 'zod';
import { ZAttemptSchema } from './automation';
import { storableString } from './json-value';

export const EXECUTION_STATUSES = ['pending', 'success', 'failed'] as const;
export const ZExecutionStatusSchema = z.enum(EXECUTION_STATUSES);

export const ZExecutionSchema = z.object({
  id: z.guid(),
  flow_execution_id: z.string(),
  event_index: z.number().int(),
  action_type: z.string(),
  plugin_id: z.guid().nullable(),
  plugin_slug: z.string().nullable(),
  status: ZExecutionStatusSchema,
  payload: z.unknown(),
  result: z.unknown(),
  error: z.string().nullable(),
  error_code: z.string().nullable(),
  duration_ms: z.number().nullable(),
  created_at: z.string(),
  completed_at: z.string().nullable(),
  idempotency_key: z.string().nullable(),
  attempts: z.array(ZAttemptSchema),
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
