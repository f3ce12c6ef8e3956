import type { SqlRunner } from '@registry/db';

/** How much a plugin's action was called lately: events dispatched to it and their flows. */
export interface RecentActionCalls {
  action_type: string;
  events: number;
  flows: number;
}

/**
 * Events dispatched to a plugin's actions since `since`, per action type, with the flows that
 * sent them; dry runs left out (they did nothing, as in the stats). Types never called are
 * absent. Served by the (tenant, plugin, created_at) index.
 */
export async function readRecentActionCalls(
  sql: SqlRunner,
  tenantId: string,
  pluginId: string,
  actionTypes: readonly string[],
  since: Date,
): Promise<RecentActionCalls[]> {
  if (actionTypes.length === 0) return [];
  const { rows } = await sql.query<RecentActionCalls>({
    text: `SELECT action_type, count(*)::int AS events,
                  count(DISTINCT flow_execution_id)::int AS flows
           FROM action_executions
           WHERE tenant_id = $1::uuid AND plugin_id = $2::uuid AND created_at >= $3
             AND action_type = ANY($4::text[]) AND NOT dry_run
           GROUP BY action_type ORDER BY action_type`,
    values: [tenantId, pluginId, since, actionTypes],
  });
  return rows;
}
