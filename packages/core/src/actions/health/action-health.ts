import { type ActionHealth, HEALTHY_SUCCESS_RATE, type PluginCircuit } from '@registry/contracts';
import { LATENCY_BUCKET_COUNT, p95FromBuckets } from './latency-buckets';

/** An action's rollup rows of the window, summed by SQL except the buckets (one array per hour). */
export interface WindowTotals {
  calls: number | null;
  successes: number | null;
  /** json_agg of the rows' latency_buckets: null without rows. */
  buckets: number[][] | null;
  last_error_code: string | null;
  last_error_at: Date | string | null;
}

/** The columns (of rollup rows `h`) that make a `WindowTotals` when grouped by action. */
export const WINDOW_TOTALS_COLUMNS = `sum(h.calls)::int AS calls, sum(h.successes)::int AS successes,
  json_agg(h.latency_buckets) AS buckets, max(h.last_error_at) AS last_error_at,
  (array_agg(h.last_error_code ORDER BY h.last_error_at DESC NULLS LAST))[1] AS last_error_code`;

export function toActionHealth(
  totals: WindowTotals | undefined,
  circuit: PluginCircuit['state'] | null,
): ActionHealth {
  const calls = totals?.calls ?? 0;
  const summed = Array.from({ length: LATENCY_BUCKET_COUNT }, (_, index) =>
    (totals?.buckets ?? []).reduce((sum, hour) => sum + (hour[index] ?? 0), 0),
  );
  const lastErrorAt = totals?.last_error_at;
  return {
    window: '24h',
    calls,
    success_rate: calls === 0 ? null : (totals?.successes ?? 0) / calls,
    p95_ms: p95FromBuckets(summed),
    last_error_code: totals?.last_error_code ?? null,
    last_error_at: lastErrorAt ? new Date(lastErrorAt).toISOString() : null,
    circuit: circuit ?? 'closed',
  };
}

/** What `?healthy=true` keeps; the SQL twin is HEALTHY_ACTION_SQL. */
export function isHealthy(health: ActionHealth): boolean {
  return (
    health.circuit === 'closed' &&
    (health.success_rate === null || health.success_rate >= HEALTHY_SUCCESS_RATE)
  );
}
