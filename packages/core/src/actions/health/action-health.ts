import { type ActionHealth, HEALTHY_SUCCESS_RATE, type PluginCircuit } from '@registry/contracts';
import { p95FromBuckets } from './latency-buckets';

/** An action's row of `action_health_window`: its calls in the window, summed. */
export interface WindowTotals {
  calls: number;
  successes: number;
  latency_buckets: number[] | null;
  last_error_code: string | null;
  last_error_at: Date | string | null;
}

/** The columns (of window row `w`) that make a `WindowTotals`. */
export const WINDOW_TOTALS_COLUMNS = `w.calls, w.successes, w.latency_buckets, w.last_error_code,
  w.last_error_at`;

export function toActionHealth(
  totals: WindowTotals | undefined,
  circuit: PluginCircuit['state'] | null,
): ActionHealth {
  const calls = totals?.calls ?? 0;
  const lastErrorAt = totals?.last_error_at;
  return {
    window: '24h',
    calls,
    success_rate: calls === 0 ? null : (totals?.successes ?? 0) / calls,
    p95_ms: p95FromBuckets(totals?.latency_buckets ?? []),
    last_error_code: totals?.last_error_code ?? null,
    last_error_at: lastErrorAt ? new Date(lastErrorAt).toISOString() : null,
    circuit: circuit ?? 'closed',
  };
}

/** What `?healthy=true` keeps; the SQL twin is HEALTHY_ROW_SQL. */
export function isHealthy(health: ActionHealth): boolean {
  return (
    health.circuit === 'closed' &&
    (health.success_rate === null || health.success_rate >= HEALTHY_SUCCESS_RATE)
  );
}
