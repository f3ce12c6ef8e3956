import type { SqlRunner } from '@registry/db';

export interface Requeued {
  id: string;
  job_id: string;
  plugin_id: string | null;
  /** The status it had: `failed` or `dead`. */
  was: string;
  max_in_flight: number | null;
}

/**
 * Puts failed or dead events of the tenant back on the queue with a fresh retry schedule (their
 * attempts stay in history; `webhook-id` stays the same, so a plugin that dedups sees one
 * effect). `where` picks which: the given ids, or a plugin's failures since a time. Each row
 * gets a new job id to enqueue; returns them.
 */
export async function requeueFailures(
  tx: SqlRunner,
  tenantId: string,
  where: { ids: readonly string[] } | { pluginId: string; since: Date; limit: number },
): Promise<Requeued[]> {
  const [filter, values] =
    'ids' in where
      ? ["e.id = ANY($2::uuid[]) AND e.status IN ('failed', 'dead')", [where.ids]]
      : [
          `e.plugin_id = $2 AND coalesce(e.completed_at, e.created_at) >= $3
           AND (e.status = 'dead' OR (e.status = 'failed' AND e.attempts <> '[]'::jsonb))
           ORDER BY e.created_at LIMIT $4`,
          [where.pluginId, where.since, where.limit],
        ];
  const { rows } = await tx.query<Requeued>({
    text: `WITH picked AS (
             SELECT e.id, e.status FROM action_executions e
             WHERE e.tenant_id = $1 AND NOT e.dry_run AND ${filter}
             FOR UPDATE)
           UPDATE action_executions AS e
           SET status = 'queued', job_id = gen_random_uuid(), schedule_start = jsonb_array_length(e.attempts),
               error = NULL, error_code = NULL, completed_at = NULL, next_attempt_at = NULL,
               result = NULL, lease_owner = NULL, lease_until = NULL
           FROM picked WHERE e.id = picked.id
           RETURNING e.id::text, e.job_id::text, e.plugin_id::text, picked.status AS was,
             (SELECT (p.delivery ->> 'max_in_flight')::int FROM plugins p WHERE p.id = e.plugin_id)
               AS max_in_flight`,
    values: [tenantId, ...values],
  });
  return rows;
}
