import { HEALTH_LATENCY_BOUNDS_MS } from '@registry/contracts';

/** How many buckets a rollup row counts latencies in: one per bound, and one slower. */
export const LATENCY_BUCKET_COUNT = HEALTH_LATENCY_BOUNDS_MS.length + 1;

/** The bucket a call of `ms` counts in: the first whose bound it does not exceed. */
export function latencyBucket(ms: number): number {
  const index = HEALTH_LATENCY_BOUNDS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? HEALTH_LATENCY_BOUNDS_MS.length : index;
}

/**
 * The bound of the bucket holding the 95th-percentile call (nearest rank), or null without
 * calls. A percentile past the last bound reports the last bound: the docs call it "at least".
 */
export function p95FromBuckets(buckets: readonly number[]): number | null {
  const index = p95Bucket(buckets);
  if (index === null) return null;
  const last = HEALTH_LATENCY_BOUNDS_MS.length - 1;
  return HEALTH_LATENCY_BOUNDS_MS[Math.min(index, last)] as number;
}

/** The index of the bucket holding the 95th-percentile call (nearest rank), or null without calls. */
export function p95Bucket(buckets: readonly number[]): number | null {
  const calls = buckets.reduce((sum, count) => sum + count, 0);
  if (calls === 0) return null;
  // In integers, as its SQL twin action_health_p95_bucket (migration action_health_window) does.
  const rank = Math.ceil((calls * 95) / 100);
  let seen = 0;
  return buckets.findIndex((count) => {
    seen += count;
    return seen >= rank;
  });
}
