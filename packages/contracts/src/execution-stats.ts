import { z } from 'zod';
import { ZListExecutionsQuerySchema } from './execution';

/** Which executions the statistics cover: the history filters, without status and paging. */
export const ZExecutionStatsQuerySchema = ZListExecutionsQuerySchema.pick({
  action_type: true,
  plugin_id: true,
  flow_execution_id: true,
  from: true,
  to: true,
}).refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
  path: ['to'],
  message: 'must not be before from',
});
export type ExecutionStatsQuery = z.output<typeof ZExecutionStatsQuerySchema>;

export const STATS_BUCKETS = ['minute', 'hour', 'day', 'week'] as const;
export const ZStatsBucketSchema = z.enum(STATS_BUCKETS);
export type StatsBucket = z.infer<typeof ZStatsBucketSchema>;

/** Completed executions in one span: counts, success rate (0–1) and latency percentiles. */
const ZExecutionStatsPointSchema = z.object({
  total: z.number().int(),
  successful: z.number().int(),
  failed: z.number().int(),
  /** `null` when nothing completed in the span. */
  success_rate: z.number().nullable(),
  p50_ms: z.number().nullable(),
  p95_ms: z.number().nullable(),
});

export const ZExecutionStatsSchema = z.object({
  from: z.string(),
  to: z.string(),
  bucket: ZStatsBucketSchema,
  /** One entry per action (action_type and plugin), busiest first. */
  actions: z.array(
    ZExecutionStatsPointSchema.extend({
      action_type: z.string(),
      plugin_id: z.guid().nullable(),
      plugin_slug: z.string().nullable(),
      /** Every bucket from `from` to `to`, empty ones included, oldest first. */
      series: z.array(ZExecutionStatsPointSchema.extend({ bucket_start: z.string() })),
    }),
  ),
});
export type ExecutionStats = z.output<typeof ZExecutionStatsSchema>;
export type ExecutionStatsPoint = z.output<typeof ZExecutionStatsPointSchema>;
