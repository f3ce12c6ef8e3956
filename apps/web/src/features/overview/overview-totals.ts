import type { RouterOutputs } from '@/trpc/router-types';

type Stats = RouterOutputs['executions']['stats'];

export interface WindowTotals {
  total: number;
  successful: number;
  failed: number;
  /** Successful of completed, 0–1; null when nothing completed. */
  successRate: number | null;
  /** The slowest action's p95: the API gives percentiles per action, which do not add up. */
  slowestP95Ms: number | null;
  slowestAction: string | null;
}

/** One window's figures across every action. */
export function windowTotals(stats: Stats | undefined): WindowTotals | undefined {
  if (!stats) return undefined;
  let total = 0;
  let successful = 0;
  let failed = 0;
  let slowest: Stats['actions'][number] | undefined;
  for (const action of stats.actions) {
    total += action.total;
    successful += action.successful;
    failed += action.failed;
    if (action.p95_ms !== null && (slowest?.p95_ms ?? -1) < action.p95_ms) slowest = action;
  }
  return {
    total,
    successful,
    failed,
    successRate: total > 0 ? successful / total : null,
    slowestP95Ms: slowest?.p95_ms ?? null,
    slowestAction: slowest?.action_type ?? null,
  };
}

/** Succeeded and failed events per bucket, every action together, for the volume chart. */
export function volumeSeries(stats: Stats | undefined) {
  const buckets = new Map<string, { bucket_start: string; succeeded: number; failed: number }>();
  for (const action of stats?.actions ?? []) {
    for (const point of action.series) {
      const bucket = buckets.get(point.bucket_start) ?? {
        bucket_start: point.bucket_start,
        succeeded: 0,
        failed: 0,
      };
      bucket.succeeded += point.successful;
      bucket.failed += point.failed;
      buckets.set(point.bucket_start, bucket);
    }
  }
  return [...buckets.values()].sort((a, b) => a.bucket_start.localeCompare(b.bucket_start));
}

/** Failed events per plugin id in the window. */
export function failuresByPlugin(stats: Stats | undefined): Map<string, number> {
  const failures = new Map<string, number>();
  for (const action of stats?.actions ?? []) {
    if (action.plugin_id && action.failed > 0) {
      failures.set(action.plugin_id, (failures.get(action.plugin_id) ?? 0) + action.failed);
    }
  }
  return failures;
}
