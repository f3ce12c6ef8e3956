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

/** The action sets of the named revisions of a plugin, by revision; absent ones are missing. */
export async function findRegistrationSets(
  sql: SqlRunner,
  pluginId: string,
  revisions: readonly number[],
): Promise<Map<number, unknown>> {
  const { rows } = await sql.query<{ revision: number; actions: unknown }>({
    text: `SELECT revision, actions FROM plugin_registrations
           WHERE plugin_id = $1::uuid AND revision = ANY($2::int[])`,
    values: [pluginId, revisions],
  });
  return new Map(rows.map((row) => [row.revision, row.actions]));
}
