import {
  type ExecutionStats,
  type ExecutionStatsPoint,
  type ExecutionStatsQuery,
  MAX_STATS_WINDOW_DAYS,
  type StatsBucket,
} from '@registry/contracts';
import { Prisma } from '@registry/db';
import type { RegistryDeps } from '../registry-deps';

const MINUTE = 60_000;
const BUCKET_MS: Record<StatsBucket, number> = {
  minute: MINUTE,
  hour: 60 * MINUTE,
  day: 24 * 60 * MINUTE,
  week: 7 * 24 * 60 * MINUTE,
};
/** Buckets are counted from a Monday midnight UTC, so weeks start on Mondays (as date_bin's). */
const BUCKET_ORIGIN = Date.parse('2001-01-01T00:00:00Z');
/** Charts stay readable up to this many points; the finest bucket that fits is used. */
const MAX_BUCKETS = 120;
/** Without executions or `from`, the window shown. */
const DEFAULT_SPAN_MS = 60 * MINUTE;
/** The contract refuses a longer `from`; an open window is cut to it. */
const MAX_SPAN_MS = MAX_STATS_WINDOW_DAYS * 24 * 60 * MINUTE;

interface StatsRow {
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
 * Success rate and latency percentiles (p50, p95) of completed executions per action, over the
 * window and per time bucket. Pending executions are left out: they have neither outcome nor
 * duration yet.
 */
export async function executionStats(
  { db }: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  query: ExecutionStatsQuery,
): Promise<ExecutionStats> {
  const filters = [Prisma.sql`tenant_id = ${tenantId}::uuid`];
  if (query.action_type) filters.push(Prisma.sql`action_type = ${query.action_type}`);
  if (query.plugin_id) filters.push(Prisma.sql`plugin_id = ${query.plugin_id}::uuid`);
  if (query.flow_execution_id) {
    filters.push(Prisma.sql`flow_execution_id = ${query.flow_execution_id}`);
  }
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : await earliest(db, filters, to);
  const bucket = bucketFor(to.getTime() - from.getTime());
  const where = Prisma.join(
    [...filters, Prisma.sql`created_at >= ${from}`, Prisma.sql`created_at <= ${to}`],
    ' AND ',
  );
  const rows = await db.$queryRaw<StatsRow[]>`
    SELECT action_type, plugin_id::text AS plugin_id, max(plugin_slug) AS plugin_slug,
      CASE WHEN GROUPING(bucket) = 0 THEN bucket END AS bucket,
      count(*)::int AS total,
      (count(*) FILTER (WHERE status = 'succeeded'))::int AS successful,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY duration_ms) AS p50,
      percentile_cont(0.95) WITHIN GROUP (ORDER BY duration_ms) AS p95
    FROM (
      SELECT *, date_bin(${`${BUCKET_MS[bucket]} milliseconds`}::interval, created_at,
        ${new Date(BUCKET_ORIGIN)}::timestamptz) AS bucket
      FROM action_executions
      WHERE ${where} AND status IN ('succeeded', 'failed', 'dead')
    ) AS completed
    GROUP BY GROUPING SETS ((action_type, plugin_id, bucket), (action_type, plugin_id))`;
  const buckets = bucketStarts(from, to, bucket);
  const perBucket = new Map<string, Map<number, StatsRow>>();
  for (const row of rows) {
    if (!row.bucket) continue;
    const key = actionKey(row);
    perBucket.set(key, (perBucket.get(key) ?? new Map()).set(row.bucket.getTime(), row));
  }
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    bucket,
    actions: rows
      .filter((row) => row.bucket === null)
      .sort((a, b) => b.total - a.total || a.action_type.localeCompare(b.action_type))
      .map((summary) => ({
        action_type: summary.action_type,
        plugin_id: summary.plugin_id,
        plugin_slug: summary.plugin_slug,
        ...toPoint(summary),
        series: buckets.map((start) => ({
          bucket_start: new Date(start).toISOString(),
          ...toPoint(perBucket.get(actionKey(summary))?.get(start)),
        })),
      })),
  };
}

function actionKey(row: StatsRow): string {
  return `${row.plugin_id ?? ''}/${row.action_type}`;
}

/** The first matching execution, but no earlier than the longest window allows. */
async function earliest(db: RegistryDeps['db'], filters: Prisma.Sql[], to: Date): Promise<Date> {
  const limit = new Date(to.getTime() - MAX_SPAN_MS);
  const [row] = await db.$queryRaw<{ first: Date | null }[]>`
    SELECT min(created_at) AS first FROM action_executions
    WHERE ${Prisma.join(filters, ' AND ')} AND created_at <= ${to} AND created_at >= ${limit}`;
  return row?.first ?? new Date(to.getTime() - DEFAULT_SPAN_MS);
}

function bucketFor(spanMs: number): StatsBucket {
  const fits = (Object.keys(BUCKET_MS) as StatsBucket[]).find(
    (bucket) => spanMs / BUCKET_MS[bucket] <= MAX_BUCKETS,
  );
  return fits ?? 'week';
}

function bucketStarts(from: Date, to: Date, bucket: StatsBucket): number[] {
  const size = BUCKET_MS[bucket];
  const first = BUCKET_ORIGIN + Math.floor((from.getTime() - BUCKET_ORIGIN) / size) * size;
  const starts: number[] = [];
  for (let start = first; start <= to.getTime(); start += size) starts.push(start);
  return starts;
}

function toPoint(row: StatsRow | undefined): ExecutionStatsPoint {
  const total = row?.total ?? 0;
  const successful = row?.successful ?? 0;
  return {
    total,
    successful,
    failed: total - successful,
    success_rate: total > 0 ? successful / total : null,
    p50_ms: toHundredths(row?.p50),
    p95_ms: toHundredths(row?.p95),
  };
}

/** Percentiles are interpolated; hundredths of a millisecond are precise enough to show. */
function toHundredths(ms: number | null | undefined): number | null {
  return ms == null ? null : Math.round(ms * 100) / 100;
}
