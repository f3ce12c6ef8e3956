import type { DiscoverActionsQuery, PluginCircuit } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { WINDOW_TOTALS_COLUMNS, type WindowTotals } from '../../actions/health/action-health';
import { WINDOW_START_SQL } from '../../actions/health/health-rollup';
import {
  ACTION_ENTRIES_OF_PLUGIN,
  type PluginActionRow,
  pluginActionFilters,
  type RawPluginActionRow,
  toPluginActionRow,
} from './plugin-action-filters';

export interface CalledPluginActionRow extends PluginActionRow {
  totals: WindowTotals;
  circuit: PluginCircuit['state'] | null;
}

/**
 * The tenant's active plugin actions matching the filters that were called in the health
 * window, with their totals: what a health sort ranks. Driven by the window's rollup rows
 * (the `(tenant_id, hour)` index), so it costs the actions called in 24 h, however many the
 * catalog holds; the uncalled ones follow in catalog order (`uncalledOnly`).
 */
export async function queryCalledPluginActionRows(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<CalledPluginActionRow[]> {
  const values: unknown[] = [tenantId];
  const param = (value: unknown) => `$${values.push(value)}`;
  const filters = pluginActionFilters(query, param);
  const { rows } = await sql.query<
    RawPluginActionRow & WindowTotals & { circuit_state: PluginCircuit['state'] | null }
  >({
    text: `WITH t AS (
             SELECT h.plugin_id, h.action_type, ${WINDOW_TOTALS_COLUMNS}
             FROM action_health_hourly h
             WHERE h.tenant_id = $1::uuid AND h.hour >= ${WINDOW_START_SQL}
             GROUP BY h.plugin_id, h.action_type
           )
           SELECT p.id::text AS plugin_id, p.slug AS plugin_slug, p.name AS plugin_name,
             a.action::text AS action_json, a.position, t.calls, t.successes, t.buckets,
             t.last_error_code, t.last_error_at, ds.circuit_state
           FROM t
           JOIN plugins p ON p.id = t.plugin_id
           CROSS JOIN LATERAL ${ACTION_ENTRIES_OF_PLUGIN}
           LEFT JOIN plugin_delivery_state ds ON ds.plugin_id = p.id
           WHERE p.tenant_id = $1::uuid AND p.status = 'active'
             AND a.action->>'action_type' = t.action_type
           ${filters.join(' ')}`,
    values,
  });
  return rows.map((row) => ({
    ...toPluginActionRow(row),
    totals: row,
    circuit: row.circuit_state,
  }));
}
