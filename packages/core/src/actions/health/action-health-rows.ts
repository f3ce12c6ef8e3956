import type { ActionHealth, HealthSort, PluginCircuit } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { toActionHealth, WINDOW_TOTALS_COLUMNS, type WindowTotals } from './action-health';
import { PLATFORM_ROLLUP_PLUGIN_ID } from './health-rollup';

/** An action as health knows it: platform actions have no plugin. */
export interface HealthKey {
  plugin_id: string | null;
  action_type: string;
}

export const healthKeyOf = (key: HealthKey) => `${key.plugin_id ?? ''}/${key.action_type}`;

/** The window row's column a health sort walks upwards. */
export const RANK_COLUMN: Record<HealthSort, string> = {
  success_rate: 'success_rank',
  p95: 'p95_bucket',
};

/**
 * The health of these actions of a tenant (keyed by `healthKeyOf`), in one statement: each
 * action's window row (by the primary key) and its plugin's circuit.
 */
export async function readActionHealth(
  sql: SqlRunner,
  tenantId: string,
  keys: readonly HealthKey[],
): Promise<Map<string, ActionHealth>> {
  if (keys.length === 0) return new Map();
  const { rows } = await sql.query<
    WindowTotals & HealthKey & { circuit_state: PluginCircuit['state'] | null }
  >({
    text: `SELECT nullif(w.plugin_id, $4::uuid)::text AS plugin_id, w.action_type,
             ${WINDOW_TOTALS_COLUMNS}, ds.circuit_state
           FROM unnest($2::uuid[], $3::text[]) AS k(plugin_id, action_type)
           JOIN action_health_window w ON w.tenant_id = $1::uuid
             AND w.plugin_id = k.plugin_id AND w.action_type = k.action_type
           LEFT JOIN plugin_delivery_state ds ON ds.plugin_id = w.plugin_id`,
    values: [
      tenantId,
      keys.map((key) => key.plugin_id ?? PLATFORM_ROLLUP_PLUGIN_ID),
      keys.map((key) => key.action_type),
      PLATFORM_ROLLUP_PLUGIN_ID,
    ],
  });
  return new Map(rows.map((row) => [healthKeyOf(row), toActionHealth(row, row.circuit_state)]));
}

/** The rank (RANK_COLUMN) of each platform action called in the window, by action type. */
export async function readPlatformRanks(
  sql: SqlRunner,
  tenantId: string,
  sort: HealthSort,
): Promise<Map<string, number>> {
  const { rows } = await sql.query<{ action_type: string; rank: number }>({
    text: `SELECT action_type, ${RANK_COLUMN[sort]} AS rank FROM action_health_window
           WHERE tenant_id = $1::uuid AND plugin_id = $2::uuid AND calls > 0`,
    values: [tenantId, PLATFORM_ROLLUP_PLUGIN_ID],
  });
  return new Map(rows.map((row) => [row.action_type, row.rank]));
}
