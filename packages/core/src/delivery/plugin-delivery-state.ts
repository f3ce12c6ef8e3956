import type { PluginCircuit } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
// The file, not the store's index: the index reaches back here for the delivery-state columns.
import { disableActivePlugin } from '../plugins/store/plugin-registration-writes';

/**
 * How delivery to a plugin is going, shared by every process through `plugin_delivery_state`:
 * its circuit breaker, since when every delivery has failed, and its per-second window. Read
 * along with the plugin (no query of its own); written only when something changes, so a
 * healthy plugin costs no writes.
 */
export interface DeliveryState {
  circuit_state: PluginCircuit['state'];
  consecutive_failures: number;
  opened_at: Date | null;
  half_open_at: Date | null;
  trial_until: Date | null;
  failing_since: Date | null;
}

export const HEALTHY: DeliveryState = {
  circuit_state: 'closed',
  consecutive_failures: 0,
  opened_at: null,
  half_open_at: null,
  trial_until: null,
  failing_since: null,
};

/** The columns to select (as `delivery_state`) wherever plugins are loaded for delivery. */
export const DELIVERY_STATE_COLUMN = `CASE WHEN ds.plugin_id IS NULL THEN NULL ELSE json_build_object(
    'circuit_state', ds.circuit_state, 'consecutive_failures', ds.consecutive_failures,
    'opened_at', ds.opened_at, 'half_open_at', ds.half_open_at, 'trial_until', ds.trial_until,
    'failing_since', ds.failing_since) END AS delivery_state`;
export const DELIVERY_STATE_JOIN = 'LEFT JOIN plugin_delivery_state ds ON ds.plugin_id = p.id';

/** Dates come back from json_build_object as strings. */
export function readDeliveryState(value: unknown): DeliveryState {
  if (!value || typeof value !== 'object') return HEALTHY;
  const row = value as Record<string, unknown>;
  const date = (key: string) => (typeof row[key] === 'string' ? new Date(row[key]) : null);
  return {
    circuit_state: (row.circuit_state as DeliveryState['circuit_state']) ?? 'closed',
    consecutive_failures: Number(row.consecutive_failures ?? 0),
    opened_at: date('opened_at'),
    half_open_at: date('half_open_at'),
    trial_until: date('trial_until'),
    failing_since: date('failing_since'),
  };
}

export interface CircuitSettings {
  /** Consecutive transient failures that open the circuit. */
  circuitThreshold: number;
  /** How long it stays open before one trial call is let through. */
  circuitCooldownMs: number;
}

/**
 * Whether a call may go now: yes (closed), after a trial claim (its cool-down is over), or not
 * before `until` (open, or another process's trial call is out).
 */
export function circuitGate(
  state: DeliveryState,
  now = new Date(),
): { kind: 'call' } | { kind: 'trial' } | { kind: 'hold'; until: Date } {
  if (state.circuit_state === 'closed') return { kind: 'call' };
  if (state.circuit_state === 'open' && state.half_open_at && state.half_open_at > now) {
    return { kind: 'hold', until: state.half_open_at };
  }
  if (state.circuit_state === 'half_open' && state.trial_until && state.trial_until > now) {
    return { kind: 'hold', until: state.trial_until };
  }
  return { kind: 'trial' };
}

/** Takes the one trial call of a circuit whose cool-down is over; false when another took it. */
export async function claimTrialCall(
  sql: SqlPool,
  pluginId: string,
  trialMs: number,
): Promise<boolean> {
  const { rowCount } = await sql.query({
    text: `UPDATE plugin_delivery_state
           SET circuit_state = 'half_open', trial_until = now() + $2 * interval '1 millisecond'
           WHERE plugin_id = $1
             AND ((circuit_state = 'open' AND half_open_at <= now())
                  OR (circuit_state = 'half_open' AND (trial_until IS NULL OR trial_until <= now())))`,
    values: [pluginId, trialMs],
  });
  return (rowCount ?? 0) > 0;
}

/** What an attempt showed of the plugin: up and working, up but refusing, or struggling. */
export type AttemptVerdict = 'succeeded' | 'refused' | 'transient';

export interface RecordedVerdict {
  state: DeliveryState;
  /** The circuit changed state with this attempt (for logs and the metric). */
  changed: boolean;
}

/**
 * Records an attempt's verdict: a transient failure counts toward opening the circuit (and a
 * failed trial reopens it); any answer resets the count and closes it; any failure starts (or
 * keeps) `failing_since`, a success clears it. Skips the write when nothing would change.
 */
export async function recordVerdict(
  sql: SqlPool,
  plugin: { id: string; tenantId: string; state: DeliveryState },
  verdict: AttemptVerdict,
  errorCode: string | null,
  settings: CircuitSettings,
): Promise<RecordedVerdict | undefined> {
  const { state } = plugin;
  const countsClear = state.circuit_state === 'closed' && state.consecutive_failures === 0;
  if (verdict === 'succeeded' && countsClear && !state.failing_since) return undefined;
  if (verdict === 'refused' && countsClear && state.failing_since) return undefined;
  await sql.query({
    text: `INSERT INTO plugin_delivery_state (plugin_id, tenant_id) VALUES ($1, $2)
           ON CONFLICT (plugin_id) DO NOTHING`,
    values: [plugin.id, plugin.tenantId],
  });
  // Opens when a closed circuit reaches the threshold, or when a trial call fails.
  const opens = `$2 = 'transient' AND (s.circuit_state = 'half_open'
                   OR (s.circuit_state = 'closed' AND s.consecutive_failures + 1 >= $3))`;
  const { rows } = await sql.query<DeliveryState & { previous_state: string }>({
    text: `UPDATE plugin_delivery_state AS s SET
             consecutive_failures = CASE WHEN $2 = 'transient' THEN s.consecutive_failures + 1 ELSE 0 END,
             circuit_state = CASE WHEN ${opens} THEN 'open'
                                  WHEN $2 = 'transient' THEN s.circuit_state ELSE 'closed' END,
             opened_at = CASE WHEN ${opens} THEN now()
                              WHEN $2 = 'transient' THEN s.opened_at END,
             half_open_at = CASE WHEN ${opens} THEN now() + $4 * interval '1 millisecond'
                                 WHEN $2 = 'transient' THEN s.half_open_at END,
             trial_until = NULL,
             failing_since = CASE WHEN $2 = 'succeeded' THEN NULL ELSE coalesce(s.failing_since, now()) END,
             last_failure_at = CASE WHEN $2 = 'succeeded' THEN s.last_failure_at ELSE now() END,
             last_failure_code = CASE WHEN $2 = 'succeeded' THEN s.last_failure_code ELSE $5 END
           FROM (SELECT circuit_state AS previous_state FROM plugin_delivery_state
                 WHERE plugin_id = $1 FOR UPDATE) AS before
           WHERE s.plugin_id = $1
           RETURNING s.circuit_state, s.consecutive_failures, s.opened_at, s.half_open_at,
                     s.trial_until, s.failing_since, before.previous_state`,
    values: [plugin.id, verdict, settings.circuitThreshold, settings.circuitCooldownMs, errorCode],
  });
  const [row] = rows;
  if (!row) return undefined;
  const { previous_state, ...next } = row;
  return { state: next, changed: previous_state !== next.circuit_state };
}

/**
 * Takes one delivery slot of the plugin's current second (`max_per_second`), shared by every
 * worker (on the database's clock). Returns how many ms of that second were left when the
 * statement ended, or undefined when its slots are gone: a call that cannot start within them
 * would land in the next second on top of that second's own.
 */
export async function takeRateSlot(
  sql: SqlPool,
  plugin: { id: string; tenantId: string },
  perSecond: number,
): Promise<number | undefined> {
  const { rows } = await sql.query<{ left_ms: number }>({
    text: `INSERT INTO plugin_delivery_state AS s (plugin_id, tenant_id, rate_window_start, rate_window_count)
           VALUES ($1, $2, date_trunc('second', now()), 1)
           ON CONFLICT (plugin_id) DO UPDATE SET
             rate_window_count = CASE WHEN s.rate_window_start = date_trunc('second', now())
                                      THEN s.rate_window_count + 1 ELSE 1 END,
             rate_window_start = date_trunc('second', now())
           WHERE s.rate_window_start IS DISTINCT FROM date_trunc('second', now())
              OR s.rate_window_count < $3
           RETURNING extract(epoch FROM rate_window_start + interval '1 second'
                             - clock_timestamp())::float8 * 1000 AS left_ms`,
    values: [plugin.id, plugin.tenantId, perSecond],
  });
  return rows[0]?.left_ms;
}

/**
 * Disables a plugin whose every delivery has failed since `failingSince`, once that is longer
 * ago than `afterMs`. Its queued events wait for it. Returns whether it did.
 */
export async function disableIfFailingTooLong(
  sql: SqlPool,
  pluginId: string,
  failingSince: Date | null,
  afterMs: number,
): Promise<boolean> {
  if (!failingSince || Date.now() - failingSince.getTime() < afterMs) return false;
  const days = Math.round((afterMs / 86_400_000) * 10) / 10;
  return disableActivePlugin(
    sql,
    pluginId,
    `Disabled automatically: every delivery has failed since ${failingSince.toISOString()} ` +
      `(PLUGIN_AUTO_DISABLE_AFTER, ${days} days). Its queued events wait; activate it once it works again.`,
  );
}
