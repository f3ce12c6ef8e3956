import { EMPTY_PLUGIN_BACKLOG, type PluginBacklog } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';

type BacklogStatus = 'queued' | 'running' | 'retrying' | 'dead';

interface BacklogGroup {
  plugin_id: string;
  status: BacklogStatus;
  count: number;
  oldest_at: Date | null;
}

/**
 * Reads the backlog of each of the plugins, in one statement whatever their number, and answers
 * a plugin's (the empty backlog for one without undelivered events). Dead events pile up until
 * an operator acts, so they (and running ones) are only counted: an index-only scan of
 * `(tenant_id, plugin_id, status)`. Asking their oldest `created_at` too reads every dead row
 * from the table: measured on PostgreSQL 15 with 40 000 dead events, 30 ms warm and 330 ms
 * cold, against 7–14 ms this way.
 */
export async function readPluginBacklogs(
  sql: SqlRunner,
  tenantId: string,
  pluginIds: readonly string[],
): Promise<(pluginId: string) => PluginBacklog> {
  const backlogs = new Map<string, PluginBacklog>();
  const backlogOf = (pluginId: string) => backlogs.get(pluginId) ?? EMPTY_PLUGIN_BACKLOG;
  if (pluginIds.length === 0) return backlogOf;
  const { rows } = await sql.query<BacklogGroup>({
    text: `SELECT plugin_id::text, status, count(*)::int AS count, NULL::timestamptz AS oldest_at
             FROM action_executions
            WHERE tenant_id = $1 AND plugin_id = ANY($2::uuid[]) AND status IN ('running', 'dead')
            GROUP BY plugin_id, status
           UNION ALL
           SELECT plugin_id::text, status, count(*)::int, min(created_at)
             FROM action_executions
            WHERE tenant_id = $1 AND plugin_id = ANY($2::uuid[]) AND status IN ('queued', 'retrying')
            GROUP BY plugin_id, status`,
    values: [tenantId, pluginIds],
  });
  for (const group of rows) {
    const backlog = { ...backlogOf(group.plugin_id), [group.status]: group.count };
    backlogs.set(group.plugin_id, backlog);
    const oldest = group.oldest_at?.toISOString();
    const current = backlog.oldest_waiting_at;
    if (oldest && (current === null || oldest < current)) backlog.oldest_waiting_at = oldest;
  }
  return backlogOf;
}
