import type { SqlRunner } from '@registry/db';
import { type ExecutionFilter, filterConditions } from './execution-filter';

/** One action's completed executions, over a whole window or in one bucket of it. */
export interface StatsRow {
  action_type: string;
  plugin_id: string | null;
  plugin_slug: string | null;
  /** Null on the row summing an action over the whole window. */
  bucket: Date | null;
  total: number;
  successful: number;
  p50: number | null;
  p95: number | null;
}

/**
 * Counts and latency percentiles of the completed executions `filter` selects, per action: one
 * row per bucket of `bucketMs` (counted from `origin`) and one for the whole window, in a
 * single statement (GROUPING SETS). Pending executions have no outcome nor duration yet.
 */
export async function readStatsRows(
  sql: SqlRunner,
  tenantId: string,
  filter: ExecutionFilter,
  bucket: { ms: number; origin: Date },
): Promise<StatsRow[]> {
  const values: unknown[] = [`${bucket.ms} milliseconds`, bucket.origin];
  const where = filterConditions(tenantId, filter, values);
  const { rows } = await sql.query<StatsRow>({
    text: `SELECT action_type, plugin_id::text AS plugin_id, max(plugin_slug) AS plugin_slug,
             CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
             count(*)::int AS total,
             (count(*) FILTER (WHERE status = 'succeeded'))::int AS successful,
             percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
             percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
           FROM (
             SELECT *, date_bin($1::interval, created_at, $2::timestamptz) AS bucket
             FROM action_executions
             WHERE ${where} AND status IN ('succeeded', 'failed', 'dead') AND NOT dry_run
           ) AS completed
           GROUP BY GROUPING SETS ((action_type, plugin_id, bucket), (action_type, plugin_id))`,
    values,
  });
  return rows;
}

/** When the first execution `filter` selects was created, if any. */
export async function readFirstCreatedAt(
  sql: SqlRunner,
  tenantId: string,
  filter: ExecutionFilter,
): Promise<Date | null> {
  const values: unknown[] = [];
  const { rows } = await sql.query<{ first: Date | null }>({
    text: `SELECT min(created_at) AS first FROM action_executions
           WHERE ${filterConditions(tenantId, filter, values)}`,
    values,
  });
  return rows[0]?.first ?? null;
}
