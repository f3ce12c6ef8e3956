import type { SqlRunner } from '@registry/db';

/**
 * The registration a new one replaces: the plugin, its stored set and that set's revision, and
 * the plugin's own breaking policy (null: the server's).
 */
export interface RegistrationHead {
  id: string;
  name: string;
  registered_actions: unknown;
  revision: number;
  breaking_policy: string | null;
}

export async function findRegistrationHead(
  sql: SqlRunner,
  tenantId: string,
  slug: string,
): Promise<RegistrationHead | undefined> {
  const { rows } = await sql.query<RegistrationHead>({
    text: `SELECT id::text, name, registered_actions, registration_revision AS revision,
                  breaking_policy
           FROM plugins WHERE tenant_id = $1::uuid AND slug = $2`,
    values: [tenantId, slug],
  });
  return rows[0];
}

export interface NewRegistration {
  pluginId: string;
  /** The revision the new set was compared with; the write happens only while it is current. */
  replaces: number;
  stored: string;
  registeredAt: string;
  credential: string;
  actions: string;
  diff: string;
  breaking: boolean;
}

/**
 * Stores a registration in one statement: the plugin's set and its revision row, only if the
 * plugin is still at the revision the caller compared with (the UPDATE re-checks that on the
 * row it locks, so concurrent registrations serialise and none overwrites a set it did not
 * see). False: another registration came first; compare again. No pool connection is held
 * across round trips.
 */
export async function storeRegistration(sql: SqlRunner, row: NewRegistration): Promise<boolean> {
  const { rows } = await sql.query({
    text: `WITH updated AS (
             UPDATE plugins SET registered_actions = $3::jsonb, updated_at = now(),
                                registration_revision = registration_revision + 1
             WHERE id = $1::uuid AND registration_revision = $2
             RETURNING id, tenant_id, registration_revision)
           INSERT INTO plugin_registrations
             (plugin_id, revision, tenant_id, created_at, credential, actions, diff, breaking)
           SELECT id, registration_revision, tenant_id, $4::timestamptz, $5, $6::jsonb, $7::jsonb, $8
           FROM updated
           RETURNING revision`,
    values: [
      row.pluginId,
      row.replaces,
      row.stored,
      row.registeredAt,
      row.credential,
      row.actions,
      row.diff,
      row.breaking,
    ],
  });
  return rows.length > 0;
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
