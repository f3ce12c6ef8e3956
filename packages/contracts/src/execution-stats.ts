import { z } from 'zod';
import { ZListExecutionsQuerySchema } from './execution';

/**
 * The longest window statistics cover: two years, so weekly buckets still fit a chart (at most
 * 105 points) and one query cannot ask for hundreds of thousands of them. A longer `from`..`to`
 * is refused; without `from`, the window starts at the first execution but at most this long
 * before `to` (the answer's `from` says where).
 */
export const MAX_STATS_WINDOW_DAYS = 732;
const MAX_STATS_WINDOW_MS = MAX_STATS_WINDOW_DAYS * 24 * 60 * 60 * 1000;

/** Which executions the statistics cover: the history filters, without status and paging. */
export const ZExecutionStatsQuerySchema = ZListExecutionsQuerySchema.pick({
  action_type: true,
  plugin_id: true,
  flow_execution_id: true,
  from: true,
  to: true,
})
  .refine((query) => !query.from || !query.to || Date.parse(query.from) <= Date.parse(query.to), {
    path: ['to'],
    message: 'must not be before from',
  })
  .refine((query) => windowMs(query) <= MAX_STATS_WINDOW_MS, {
    path: ['from'],
    message: `must be at most ${MAX_STATS_WINDOW_DAYS} days before to (or now)`,
  });

export type ExecutionStatsQuery = z.output<typeof ZExecutionStatsQuerySchema>;

/** How long `from`..`to` (or now) is; 0 when either is absent or not a date (refused apart). */
function windowMs(query: { from?: string; to?: string }): number {
  const span = (query.to ? Date.parse(query.to) : Date.now()) - Date.parse(query.from ?? '');
  return Number.isFinite(span) ? span : 0;
}

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
