import {
  type DiscoverActionsQuery,
  type DiscoveredAction,
  type DiscoveredPluginAction,
  PLATFORM_SOURCE,
  ZActionDefinitionFieldsSchema,
  ZActionDefinitionSchema,
} from '@registry/contracts';
import { Prisma } from '@registry/db';
import { PLATFORM_CATALOG } from '../platform/platform-catalog';
import type { RegistryDeps } from '../registry-deps';

const DEFAULT_CATEGORY: string = ZActionDefinitionFieldsSchema.shape.category.parse(undefined);

interface ActionRow {
  plugin_id: string;
  plugin_slug: string;
  plugin_name: string;
  action: unknown;
}

/**
 * Everything a tenant can call: the platform's actions first, then the actions of active
 * plugins by plugin slug, each plugin's in the order it registered them.
 */
export async function discoverActions(
  deps: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<DiscoveredAction[]> {
  const platform = query.plugin && query.plugin !== PLATFORM_SOURCE ? [] : discoverPlatform(query);
  const plugins =
    query.plugin === PLATFORM_SOURCE ? [] : await discoverPluginActions(deps, tenantId, query);
  return [...platform, ...plugins];
}

function discoverPlatform(query: DiscoverActionsQuery): DiscoveredAction[] {
  const needle = query.search?.toLowerCase();
  return PLATFORM_CATALOG.filter(
    (action) =>
      (!query.category || action.category === query.category) &&
      (!needle ||
        [action.action_type, action.title, action.description ?? ''].some((text) =>
          text.toLowerCase().includes(needle),
        )),
  );
}

export async function discoverPluginActions(
  { db }: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<DiscoveredPluginAction[]> {
  const filters: Prisma.Sql[] = [];
  if (query.plugin) filters.push(Prisma.sql`AND p.slug = ${query.plugin}`);
  if (query.category) {
    // The containment test lets the GIN index pick the plugins before their actions unfold. It
    // cannot find entries stored without a category, which are 'general' (the schema's default).
    if (query.category !== DEFAULT_CATEGORY) {
      const containsCategory = JSON.stringify({ actions: [{ category: query.category }] });
      filters.push(Prisma.sql`AND p.registered_actions @> ${containsCategory}::jsonb`);
    }
    filters.push(
      Prisma.sql`AND COALESCE(a.action->>'category', ${DEFAULT_CATEGORY}) = ${query.category}`,
    );
  }
  if (query.search) {
    const pattern = `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    filters.push(Prisma.sql`AND (a.action->>'action_type' ILIKE ${pattern}
      OR a.action->>'title' ILIKE ${pattern} OR a.action->>'description' ILIKE ${pattern})`);
  }
  const rows = await db.$queryRaw<ActionRow[]>`
    SELECT p.id::text AS plugin_id, p.slug AS plugin_slug, p.name AS plugin_name, a.action
    FROM plugins p
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(p.registered_actions->'actions') = 'array'
           THEN p.registered_actions->'actions' ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS a(action, position)
    WHERE p.tenant_id = ${tenantId}::uuid AND p.status = 'active'
    ${filters.length > 0 ? Prisma.join(filters, ' ') : Prisma.empty}
    ORDER BY p.slug, a.position`;
  return rows.flatMap((row) => {
    const parsed = ZActionDefinitionSchema.safeParse(row.action);
    if (!parsed.success) return [];
    return [
      {
        ...parsed.data,
        source: 'plugin' as const,
        plugin_id: row.plugin_id,
        plugin_slug: row.plugin_slug,
        plugin_name: row.plugin_name,
      },
    ];
  });
}
