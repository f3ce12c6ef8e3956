import { type RegistrationHistory, ZRegistrationRevisionSchema } from '@registry/contracts';
import { pluginNotFound } from '../errors/plugin-not-found';
import { findRegistrationHead, findRegistrationRows } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';

/** Most revisions one answer lists: the latest ones. */
export const MAX_LISTED_REGISTRATIONS = 100;

/** A plugin's accepted registrations, newest first, each with what it changed. */
export async function listRegistrations(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  slug: string,
): Promise<RegistrationHistory> {
  const head = await findRegistrationHead(sql, tenantId, slug);
  if (!head) throw pluginNotFound(slug);
  const rows = await findRegistrationRows(sql, head.id, MAX_LISTED_REGISTRATIONS);
  return {
    plugin_slug: slug,
    registrations: rows.map((row) =>
      ZRegistrationRevisionSchema.parse({
        revision: row.revision,
        registered_at: new Date(row.created_at).toISOString(),
        credential: row.credential,
        breaking: row.breaking,
        actions: row.actions,
        diff: row.diff,
      }),
    ),
  };
}
