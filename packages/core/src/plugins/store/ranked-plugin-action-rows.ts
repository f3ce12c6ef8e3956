import type { DiscoverActionsQuery, HealthSort } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { RANK_COLUMN } from '../../actions/health/action-health-rows';
import {
  ACTION_ENTRIES_OF_PLUGIN,
  type PluginActionRow,
  pluginActionFilters,
  type RawPluginActionRow,
  toPluginActionRow,
} from './plugin-action-filters';

export interface RankedPluginActionRow extends PluginActionRow {
  /** Its place in the ranking: the sort's rank (lower first, see RANK_COLUMN), slug, type. */
  place: RankedPlace;
}

/** A place in a ranked list: where the previous page ended. */
export interface RankedPlace {
  rank: number;
  slug: string;
  action_type: string;
}

/** Window rows walked by the first query of a page; each further one walks twice as many. */
const FIRST_WALK = 200;

/**
 * The tenant's active plugin actions called in the health window that match the filters, best
 * first by the sort (ties by plugin slug, then action type), after `after`, at most `limit`.
 * A page walks the window table's rank index in growing steps until it is full, so it costs
 * the rows walked (more with a rare filter), not the catalog or the calls it holds. Stepping
 * in the application keeps that plan: PostgreSQL cannot estimate filters inside jsonb and, left
 * to choose, joined and sorted every called action instead.
 */
export async function queryRankedPluginActionRows(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery & { sort: HealthSort },
  page: { after?: RankedPlace; limit?: number },
): Promise<RankedPluginActionRow[]> {
  const found: RankedPluginActionRow[] = [];
  let after = page.after;
  let walk = page.limit === undefined ? undefined : Math.max(FIRST_WALK, page.limit * 2);
  for (;;) {
    const walked = await walkRanks(sql, tenantId, query, after, walk);
    found.push(...walked.matches);
    const full = page.limit !== undefined && found.length >= page.limit;
    if (full || !walked.last || walk === undefined || walked.count < walk) {
      return page.limit === undefined ? found : found.slice(0, page.limit);
    }
    after = walked.last;
    walk *= 2;
  }
}

/** Up to `walk` window rows after `after` in rank order, and the matching actions among them. */
async function walkRanks(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery & { sort: HealthSort },
  after: RankedPlace | undefined,
  walk: number | undefined,
) {
  const values: unknown[] = [tenantId];
  const param = (value: unknown) => `$${values.push(value)}`;
  const rank = `w.${RANK_COLUMN[query.sort]}`;
  const from = after
    ? `AND (${rank}, w.plugin_slug, w.action_type) > (${param(after.rank)}, ${param(after.slug)}, ${param(after.action_type)})`
    : '';
  const limit = walk === undefined ? '' : `LIMIT ${param(walk)}`;
  const filters = pluginActionFilters(query, param);
  const { rows } = await sql.query<
    Partial<RawPluginActionRow> & { rank: number; walked_slug: string; walked_type: string }
  >({
    text: `WITH walked AS MATERIALIZED (
             SELECT w.plugin_id, w.plugin_slug, w.action_type, ${rank} AS rank
             FROM action_health_window w
             WHERE w.tenant_id = $1::uuid AND ${rank} IS NOT NULL ${from}
             ORDER BY ${rank}, w.plugin_slug, w.action_type
             ${limit}
           )
           SELECT w.rank, w.plugin_slug AS walked_slug, w.action_type AS walked_type, m.*
           FROM walked w
           LEFT JOIN LATERAL (
             SELECT p.id::text AS plugin_id, p.slug AS plugin_slug, p.name AS plugin_name,
               a.action::text AS action_json, a.position
             FROM plugins p
             CROSS JOIN LATERAL ${ACTION_ENTRIES_OF_PLUGIN}
             WHERE p.id = w.plugin_id AND p.tenant_id = $1::uuid AND p.status = 'active'
               AND a.action->>'action_type' = w.action_type
             ${filters.join(' ')}
             LIMIT 1
           ) m ON true
           ORDER BY w.rank, w.plugin_slug, w.action_type`,
    values,
  });
  const last = rows.at(-1);
  return {
    count: rows.length,
    last: last && { rank: last.rank, slug: last.walked_slug, action_type: last.walked_type },
    matches: rows.flatMap((row) =>
      row.action_json === undefined || row.action_json === null
        ? []
        : [
            {
              ...toPluginActionRow(row as RawPluginActionRow),
              // As the window row has them (an entry that no longer validates has no action).
              place: { rank: row.rank, slug: row.walked_slug, action_type: row.walked_type },
            },
          ],
    ),
  };
}
