import type { ActionHealth, PluginCircuit } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { toActionHealth, WINDOW_TOTALS_COLUMNS, type WindowTotals } from './action-health';
import { PLATFORM_ROLLUP_PLUGIN_ID, WINDOW_START_SQL } from './health-rollup';

/** An action as health knows it: platform actions have no plugin. */
export interface HealthKey {
  plugin_id: string | null;
  action_type: string;
}

export const healthKeyOf = (key: HealthKey) => `${key.plugin_id ?? ''}/${key.action_type}`;

/**
 * The health of these actions of a tenant (keyed by `healthKeyOf`), in one statement: each
 * action's rollup rows of the window (at most 24, by the primary key) and its plugin's circuit.
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
    text: `SELECT nullif(k.plugin_id, $4::uuid)::text AS plugin_id, k.action_type, t.*,
             ds.circuit_state
           FROM unnest($2::uuid[], $3::text[]) AS k(plugin_id, action_type)
           CROSS JOIN LATERAL (
             SELECT ${WINDOW_TOTALS_COLUMNS}
             FROM action_health_hourly h
             WHERE h.tenant_id = $1::uuid AND h.plugin_id = k.plugin_id
               AND h.action_type = k.action_type AND h.hour >= ${WINDOW_START_SQL}
           ) AS t
           LEFT JOIN plugin_delivery_state ds ON ds.plugin_id = k.plugin_id`,
    values: [
      tenantId,
      keys.map((key) => key.plugin_id ?? PLATFORM_ROLLUP_PLUGIN_ID),
      keys.map((key) => key.action_type),
      PLATFORM_ROLLUP_PLUGIN_ID,
    ],
  });
  return new Map(rows.map((row) => [healthKeyOf(row), toActionHealth(row, row.circuit_state)]));
}
