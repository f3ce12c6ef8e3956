import {
  type DiscoverActionsQuery,
  type DiscoveredPluginAction,
  ZActionDefinitionFieldsSchema,
  ZActionDefinitionSchema,
} from '@registry/contracts';
import { type Db, Prisma } from '@registry/db';

const DEFAULT_CATEGORY: string = ZActionDefinitionFieldsSchema.shape.category.parse(undefined);

export interface PluginActionRow {
  slug: string;
  position: number;
  /** Undefined for a stored entry that no longer validates (legacy rows): it is not offered. */
  action: DiscoveredPluginAction | undefined;
}

interface RawRow {
  plugin_id: string;
  plugin_slug: string;
  plugin_name: string;
  action: unknown;
  position: bigint | number;
}

export interface PluginActionPage {
  after?: { slug: string; position: number };
  limit?: number;
}

/**
 * The actions of a tenant's active plugins matching the filters, in (plugin slug, registration
 * order) order, optionally from a position on and at most `limit` of them. The plugins' slug
 * index drives the scan, so a page costs the same however many plugins there are.
 */
export async function queryPluginActionRows(
  db: Db,
  tenantId: string,
  query: DiscoverActionsQuery,
  page: PluginActionPage = {},
): Promise<PluginActionRow[]> {
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
  if (page.after) {
    filters.push(
      Prisma.sql`AND (p.slug, a.position) > (${page.after.slug}, ${page.after.position})`,
    );
  }
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT p.id::text AS plugin_id, p.slug AS plugin_slug, p.name AS plugin_name,
           a.action, a.position
    FROM plugins p
    CROSS JOIN LATERAL jsonb_array_elements(
      CASE WHEN jsonb_typeof(p.registered_actions->'actions') = 'array'
           THEN p.registered_actions->'actions' ELSE '[]'::jsonb END
    ) WITH ORDINALITY AS a(action, position)
    WHERE p.tenant_id = ${tenantId}::uuid AND p.status = 'active'
    ${filters.length > 0 ? Prisma.join(filters, ' ') : Prisma.empty}
    ORDER BY p.slug, a.position
    ${page.limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${page.limit}`}`;
  return rows.map((row) => ({
    slug: row.plugin_slug,
    position: Number(row.position),
    action: toDiscoveredAction(row),
  }));
}

function toDiscoveredAction(row: RawRow): DiscoveredPluginAction | undefined {
  const parsed = ZActionDefinitionSchema.safeParse(row.action);
  if (!parsed.success) return undefined;
  return {
    ...parsed.data,
    source: 'plugin',
    plugin_id: row.plugin_id,
    plugin_slug: row.plugin_slug,
    plugin_name: row.plugin_name,
  };
}
