import {
  EMPTY_PLUGIN_HEALTH,
  PLUGIN_HEALTH_WINDOW_HOURS,
  type PluginHealth,
} from '@registry/contracts';
import type { SqlRunner } from '@registry/db';

interface HealthRow {
  plugin_id: string;
  succeeded: number;
  failed: number;
  last_failure_id: string | null;
  last_failure_at: Date | null;
  last_failure_error: string | null;
}

/**
 * Reads the health of each of the plugins over the last day, in one statement whatever their
 * number (the `(tenant_id, plugin_id, created_at)` index bounds it to the window), and answers
 * a plugin's (the empty health for one without finished events in the window). Dry runs did
 * nothing real, so they count for nothing here, as in the stats.
 */
export async function readPluginHealth(
  sql: SqlRunner,
  tenantId: string,
  pluginIds: readonly string[],
  now = new Date(),
): Promise<(pluginId: string) => PluginHealth> {
  const healths = new Map<string, PluginHealth>();
  const healthOf = (pluginId: string) => healths.get(pluginId) ?? EMPTY_PLUGIN_HEALTH;
  if (pluginIds.length === 0) return healthOf;
  const since = new Date(now.getTime() - PLUGIN_HEALTH_WINDOW_HOURS * 3_600_000);
  const { rows } = await sql.query<HealthRow>({
    text: `WITH recent AS (
             SELECT id, plugin_id, status, error, coalesce(completed_at, created_at) AS ended_at
               FROM action_executions
              WHERE tenant_id = $1 AND plugin_id = ANY($2::uuid[]) AND created_at >= $3
                AND status IN ('succeeded', 'failed', 'dead') AND NOT dry_run)
           SELECT counts.plugin_id::text, counts.succeeded, counts.failed,
                  last.id::text AS last_failure_id, last.ended_at AS last_failure_at,
                  last.error AS last_failure_error
             FROM (SELECT plugin_id,
                          count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
                          count(*) FILTER (WHERE status <> 'succeeded')::int AS failed
                     FROM recent GROUP BY plugin_id) counts
             LEFT JOIN (SELECT DISTINCT ON (plugin_id) plugin_id, id, ended_at, error
                          FROM recent WHERE status <> 'succeeded'
                         ORDER BY plugin_id, ended_at DESC, id DESC) last
               ON last.plugin_id = counts.plugin_id`,
    values: [tenantId, pluginIds, since],
  });
  for (const row of rows) {
    const finished = row.succeeded + row.failed;
    healths.set(row.plugin_id, {
      window_hours: PLUGIN_HEALTH_WINDOW_HOURS,
      succeeded: row.succeeded,
      failed: row.failed,
      success_rate: finished === 0 ? null : row.succeeded / finished,
      last_failure:
        row.last_failure_id && row.last_failure_at
          ? {
              execution_id: row.last_failure_id,
              at: row.last_failure_at.toISOString(),
              error: row.last_failure_error,
            }
          : null,
    });
  }
  return healthOf;
}
