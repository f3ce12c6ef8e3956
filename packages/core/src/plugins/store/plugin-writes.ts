import type { Db, Prisma } from '@registry/db';
import { type PluginRow, pluginSelect } from './plugin-dto';

/** Columns a change of a plugin may set (a PUT, a PATCH, a status). */
export type PluginColumns = Prisma.PluginUpdateManyMutationInput & {
  apiEndpoint?: string | null;
  status?: string;
};

/** A plugin to insert; the database keeps only its API key's hash. */
export type NewPlugin = Omit<Prisma.PluginUncheckedCreateInput, 'apiKey'> & { apiKeyHash: string };

/** A new plugin with its signing secret, in one statement; a taken slug throws P2002. */
export async function insertPlugin(
  db: Db,
  plugin: NewPlugin,
  signingSecret: string,
): Promise<PluginRow> {
  const { apiKeyHash, ...columns } = plugin;
  return await db.plugin.create({
    data: { ...columns, apiKey: apiKeyHash, signingSecret: { create: { secret: signingSecret } } },
    select: pluginSelect,
  });
}

export async function updatePlugin(db: Db, id: string, columns: PluginColumns): Promise<void> {
  await db.plugin.update({ where: { id }, data: columns });
}

/**
 * Writes `columns` only while the plugin's api_endpoint is still `endpoint` (undefined: whatever
 * it is) and, if given, its status `status`: an activation decided on a proof never lands on
 * an endpoint another request has put in place meanwhile. Whether it was written.
 */
export async function updatePluginWhile(
  db: Db,
  where: { id: string; endpoint: string | null | undefined; status?: string },
  columns: PluginColumns,
): Promise<boolean> {
  const { count } = await db.plugin.updateMany({
    where: { id: where.id, apiEndpoint: where.endpoint, status: where.status },
    data: columns,
  });
  return count > 0;
}

/** Replaces the hash of a plugin's API key; whether the plugin exists. */
export async function setPluginKeyHash(
  db: Db,
  tenantId: string,
  slug: string,
  keyHash: string,
): Promise<boolean> {
  const { count } = await db.plugin.updateMany({
    where: { tenantId, slug },
    data: { apiKey: keyHash },
  });
  return count > 0;
}

/** Deletes a plugin (its executions keep their history); whether it existed. */
export async function deletePluginBySlug(db: Db, tenantId: string, slug: string): Promise<boolean> {
  const { count } = await db.plugin.deleteMany({ where: { tenantId, slug } });
  return count > 0;
}
