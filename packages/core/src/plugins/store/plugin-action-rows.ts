import type { DiscoverActionsQuery } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { UNCALLED_ROW_SQL } from '../../actions/health/health-filters-sql';
import {
  ACTION_ENTRIES_OF_PLUGIN,
  DEFAULT_CATEGORY,
  type PluginActionRow,
  pluginActionFilters,
  type RawPluginActionRow,
  toPluginActionRow,
} from './plugin-action-filters';

export interface PluginActionPage {
  after?: { slug: string; position: number };
  limit?: number;
  /** Only actions without calls in the health window (the tail of a health-sorted catalog). */
  uncalledOnly?: boolean;
}

/**
 * The actions of a tenant's active plugins matching the filters, in (plugin slug, registration
 * order) order, optionally from a position on and at most `limit` of them. The plugins' slug
 * index drives the scan, so a page costs the same however many plugins there are.
 */
export async function queryPluginActionRows(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery,
  page: PluginActionPage = {},
): Promise<PluginActionRow[]> {
  const values: unknown[] = [tenantId];
  const param = (value: unknown) => `$${values.push(value)}`;
  const filters = pluginActionFilters(query, param);
  if (
    query.category &&
    (await shouldPrefilterByCategory(sql, tenantId, query.category, page.limit))
  ) {
    const containsCategory = JSON.stringify({ actions: [{ category: query.category }] });
    filters.push(`AND p.registered_actions @> ${param(containsCategory)}::jsonb`);
  }
  if (page.uncalledOnly) filters.push(`AND ${UNCALLED_ROW_SQL}`);
  if (page.after) {
    filters.push(
      `AND (p.slug, a.position) > (${param(page.after.slug)}, ${param(page.after.position)}::bigint)`,
    );
  }
  const limit = page.limit === undefined ? '' : `LIMIT ${param(page.limit)}`;
  const { rows } = await sql.query<RawPluginActionRow>({
    text: `SELECT p.id::text AS plugin_id, p.slug AS plugin_slug, p.name AS plugin_name,
             a.action::text AS action_json, a.position
           FROM plugins p
           CROSS JOIN LATERAL ${ACTION_ENTRIES_OF_PLUGIN}
           WHERE p.tenant_id = $1::uuid AND p.status = 'active'
           ${filters.join(' ')}
           ORDER BY p.slug, a.position
           ${limit}`,
    values,
  });
  return rows.map(toPluginActionRow);
}

/**
 * Two plans serve a category filter, and PostgreSQL cannot tell which is right because it has
 * no statistics inside jsonb. Through the GIN index the plugins offering the category are found
 * and all their actions sorted: the cost grows with how many offer it. Walking plugins in slug
 * order stops once the page is full: the cost grows with how rare the category is. At 10,000
 * plugins a common category took 70 ms the first way and under 1 ms the second. The GIN way
 * wins while `offering² ≤ limit × total`; a count bounded at that point (a few ms) decides.
 * Entries stored without a category read as 'general' and are invisible to containment, so
 * 'general' always walks.
 */
async function shouldPrefilterByCategory(
  sql: SqlRunner,
  tenantId: string,
  category: string,
  limit: number | undefined,
): Promise<boolean> {
  if (category === DEFAULT_CATEGORY) return false;
  if (limit === undefined) return true;
  const containsCategory = JSON.stringify({ actions: [{ category }] });
  const { rows: counts } = await sql.query<{ total: number }>({
    text: `SELECT count(*)::int AS total FROM plugins
           WHERE tenant_id = $1::uuid AND status = 'active'`,
    values: [tenantId],
  });
  const threshold = Math.ceil(Math.sqrt(limit * (counts[0]?.total ?? 0)));
  // Counting stops past the threshold: rechecking every match's jsonb costs as much as the slow plan.
  const { rows: offered } = await sql.query<{ offering: number }>({
    text: `SELECT count(*)::int AS offering FROM (
             SELECT 1 FROM plugins
             WHERE tenant_id = $1::uuid AND status = 'active'
               AND registered_actions @> $2::jsonb
             LIMIT $3
           ) AS offered`,
    values: [tenantId, containsCategory, threshold + 1],
  });
  return (offered[0]?.offering ?? 0) <= threshold;
}
