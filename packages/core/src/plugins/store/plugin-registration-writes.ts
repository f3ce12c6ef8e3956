import type { SqlRunner } from '@registry/db';

/**
 * Replaces the tenant's plugin's registered actions (`stored`, jsonb text) in one statement and
 * returns the set it replaced, read under the row lock: concurrent registrations serialise on
 * it, and none holds a pool connection across round trips. Undefined: no such plugin.
 */
export async function replaceRegisteredActions(
  sql: SqlRunner,
  tenantId: string,
  slug: string,
  stored: string,
): Promise<{ id: string; name: string; previous: unknown } | undefined> {
  const { rows } = await sql.query<{ id: string; name: string; previous: unknown }>({
    text: `UPDATE plugins AS p
           SET registered_actions = $3::jsonb, updated_at = now()
           FROM (SELECT id, registered_actions FROM plugins
                 WHERE tenant_id = $1::uuid AND slug = $2
                 FOR UPDATE) AS old
           WHERE p.id = old.id
           RETURNING p.id::text, p.name, old.registered_actions AS previous`,
    values: [tenantId, slug, stored],
  });
  return rows[0];
}

/** Disables an active plugin, saying why; whether it was active (and so is disabled now). */
export async function disableActivePlugin(
  sql: SqlRunner,
  pluginId: string,
  reason: string,
): Promise<boolean> {
  const { rowCount } = await sql.query({
    text: `UPDATE plugins SET status = 'disabled', updated_at = now(), status_reason = $2
           WHERE id = $1 AND status = 'active'`,
    values: [pluginId, reason],
  });
  return (rowCount ?? 0) > 0;
}
