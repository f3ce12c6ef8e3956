import { LATENCY_BUCKET_COUNT } from './latency-buckets';

/** Stands for "no plugin" in the rollup's key: platform actions' rows (a key column is not null). */
export const PLATFORM_ROLLUP_PLUGIN_ID = '00000000-0000-0000-0000-000000000000';

/** The hour a rollup row covers, in UTC whatever the session's time zone. */
export const ROLLUP_HOUR_SQL = `date_trunc('hour', now(), 'UTC')`;

/** The first hour of the 24 h window: this hour and the 23 before it. */
export const WINDOW_START_SQL = `(${ROLLUP_HOUR_SQL} - interval '23 hours')`;

const bucketCounts = Array.from(
  { length: LATENCY_BUCKET_COUNT },
  (_, index) => `count(*) FILTER (WHERE latency_bucket = ${index})`,
).join(', ');

/**
 * A data-modifying CTE that adds the final outcomes among `settled` (a CTE of the settled rows:
 * tenant_id, plugin_id, action_type, status, error_code, latency_bucket) to this hour's rollup
 * rows, so recording health costs no statement of its own. Rows go in key order, so two
 * settling statements take the rows' locks in the same order (no deadlock).
 */
export const ROLLUP_SETTLED_CTE = `rollup AS (
  INSERT INTO action_health_hourly AS h (tenant_id, plugin_id, action_type, hour, calls, successes,
                                         latency_buckets, last_error_code, last_error_at)
  SELECT tenant_id, coalesce(plugin_id, '${PLATFORM_ROLLUP_PLUGIN_ID}'::uuid), action_type,
         ${ROLLUP_HOUR_SQL}, count(*), count(*) FILTER (WHERE status = 'succeeded'),
         ARRAY[${bucketCounts}]::int[],
         (array_agg(error_code) FILTER (WHERE status <> 'succeeded'))[1],
         CASE WHEN bool_or(status <> 'succeeded') THEN now() END
  FROM settled
  WHERE status IN ('succeeded', 'failed', 'dead')
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3
  ON CONFLICT (tenant_id, plugin_id, action_type, hour) DO UPDATE
  SET calls = h.calls + excluded.calls,
      successes = h.successes + excluded.successes,
      latency_buckets = action_health_buckets_add(h.latency_buckets, excluded.latency_buckets),
      last_error_code = coalesce(excluded.last_error_code, h.last_error_code),
      last_error_at = coalesce(excluded.last_error_at, h.last_error_at)
)`;
