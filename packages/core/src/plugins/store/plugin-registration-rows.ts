import type { SqlRunner } from '@registry/db';

export interface RegistrationRow {
  revision: number;
  created_at: Date;
  credential: string;
  breaking: boolean;
  actions: unknown;
  diff: unknown;
}

/** The latest `limit` revisions of a plugin, newest first. */
export async function findRegistrationRows(
  sql: SqlRunner,
  pluginId: string,
  limit: number,
): Promise<RegistrationRow[]> {
  const { rows } = await sql.query<RegistrationRow>({
    text: `SELECT revision, created_at, credential, breaking, actions, diff
           FROM plugin_registrations WHERE plugin_id = $1::uuid
           ORDER BY revision DESC LIMIT $2`,
    values: [pluginId, limit],
  });
  return rows;
}
