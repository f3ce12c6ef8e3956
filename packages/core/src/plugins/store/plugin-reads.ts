import type { PluginCircuit } from '@registry/contracts';
import type { Db } from '@registry/db';
import { circuitOf, type PluginRow, pluginSelect } from './plugin-dto';

/** A page of the tenant's plugins by slug, after `afterSlug`, one more than `limit` if any. */
export function findPluginPage(
  db: Db,
  tenantId: string,
  query: { status?: string; search?: string; afterSlug?: string; limit: number },
): Promise<PluginRow[]> {
  return db.plugin.findMany({
    where: {
      tenantId,
      ...(query.status ? { status: query.status } : {}),
      ...(query.search ? nameOrSlugContains(query.search) : {}),
      ...(query.afterSlug ? { slug: { gt: query.afterSlug } } : {}),
    },
    orderBy: { slug: 'asc' },
    take: query.limit + 1,
    select: pluginSelect,
  });
}

/** Prisma's `contains` is a LIKE that passes `%` and `_` through: they are escaped, to mean themselves. */
function nameOrSlugContains(text: string) {
  const contains = text.replace(/[\\%_]/g, '\\$&');
  return {
    OR: [
      { name: { contains, mode: 'insensitive' as const } },
      { slug: { contains, mode: 'insensitive' as const } },
    ],
  };
}

export function findPluginBySlug(
  db: Db,
  tenantId: string,
  slug: string,
): Promise<PluginRow | null> {
  return db.plugin.findUnique({
    where: { tenantId_slug: { tenantId, slug } },
    select: pluginSelect,
  });
}

/** What the ownership rule needs of a plugin: its state and its endpoint's last check. */
export function findPluginEndpoint(
  db: Db,
  where: { tenantId: string; slug: string } | { id: string },
) {
  return db.plugin.findUnique({
    where: 'id' in where ? { id: where.id } : { tenantId_slug: where },
    select: { id: true, status: true, apiEndpoint: true, endpointCheck: true },
  });
}

/** The plugin a presented API key belongs to, by the key's hash (the only form stored). */
export function findPluginByKeyHash(db: Db, keyHash: string) {
  return db.plugin.findFirst({
    where: { apiKey: keyHash },
    select: { id: true, slug: true, tenantId: true },
  });
}

export async function findPluginId(
  db: Db,
  tenantId: string,
  slug: string,
): Promise<string | undefined> {
  const plugin = await db.plugin.findUnique({
    where: { tenantId_slug: { tenantId, slug } },
    select: { id: true },
  });
  return plugin?.id;
}

export async function findPluginSlug(
  db: Db,
  tenantId: string,
  id: string,
): Promise<string | undefined> {
  const plugin = await db.plugin.findFirst({ where: { tenantId, id }, select: { slug: true } });
  return plugin?.slug;
}

/** The circuit of every plugin of the tenant that has been called, by slug. */
export async function findPluginCircuits(
  db: Db,
  tenantId: string,
): Promise<Array<{ plugin_id: string; plugin_slug: string } & PluginCircuit>> {
  const plugins = await db.plugin.findMany({
    where: { tenantId, deliveryState: { isNot: null } },
    select: { id: true, slug: true, deliveryState: { select: pluginSelect.deliveryState.select } },
    orderBy: { slug: 'asc' },
  });
  return plugins.flatMap((plugin) => {
    const circuit = circuitOf(plugin);
    return circuit ? [{ plugin_id: plugin.id, plugin_slug: plugin.slug, ...circuit }] : [];
  });
}
