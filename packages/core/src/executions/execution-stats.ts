import {
  type ExecutionStats,
  type ExecutionStatsPoint,
  type ExecutionStatsQuery,
  MAX_STATS_WINDOW_DAYS,
  type StatsBucket,
} from '@registry/contracts';
import type { RegistryDeps } from '../registry-deps';
import { type ExecutionFilter, readFirstCreatedAt, readStatsRows, type StatsRow } from './store';

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

/**
 * Success rate and latency percentiles (p50, p95) of completed executions per action, over the
 * window and per time bucket. Pending executions are left out: they have neither outcome nor
 * duration yet.
 */
export async function executionStats(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  query: ExecutionStatsQuery,
): Promise<ExecutionStats> {
  const filter: ExecutionFilter = {
    action_type: query.action_type,
    plugin_id: query.plugin_id,
    flow_execution_id: query.flow_execution_id,
  };
  const to = query.to ? new Date(query.to) : new Date();
  const from = query.from ? new Date(query.from) : await earliest(sql, tenantId, filter, to);
  const bucket = bucketFor(to.getTime() - from.getTime());
  const rows = await readStatsRows(
    sql,
    tenantId,
    { ...filter, from, to },
    { ms: BUCKET_MS[bucket], origin: new Date(BUCKET_ORIGIN) },
  );
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
async function earliest(
  sql: RegistryDeps['sql'],
  tenantId: string,
  filter: ExecutionFilter,
  to: Date,
): Promise<Date> {
  const limit = new Date(to.getTime() - MAX_SPAN_MS);
  const first = await readFirstCreatedAt(sql, tenantId, { ...filter, from: limit, to });
  return first ?? new Date(to.getTime() - DEFAULT_SPAN_MS);
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
