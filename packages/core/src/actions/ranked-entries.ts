import {
  type ActionHealth,
  type DiscoverActionsQuery,
  type HealthSort,
  PLATFORM_SOURCE,
} from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { queryCalledPluginActionRows } from '../plugins/store';
import {
  catalogEntries,
  type Entry,
  matchingPlatformActions,
  type PlatformHealth,
  platformHealthOf,
} from './catalog-entries';
import type { DiscoveryPosition, RankedPosition } from './discovery-cursor';
import { isHealthy, toActionHealth } from './health/action-health';

/**
 * A health-sorted list: the actions called in the window ranked best first (the highest success
 * rate, or the lowest p95; ties in catalog order), then the uncalled ones in catalog order. The
 * ranked part is rebuilt per page from the window's rollups (its cost grows with the actions
 * called in 24 h, not the catalog) and paged by rank, so an action whose figures moved between
 * two pages may show twice or not at all, as with any list sorted by live figures.
 */
export async function rankedEntries(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery & { sort: HealthSort },
  options: { after?: DiscoveryPosition; wanted?: number; platformHealth: PlatformHealth },
): Promise<Entry[]> {
  const { after, wanted, platformHealth } = options;
  if (after && after.source !== 'ranked') {
    return catalogEntries(sql, tenantId, query, { ...options, uncalledOnly: true });
  }
  const ranked = (await calledActions(sql, tenantId, query, platformHealth))
    .filter(({ health }) => health.calls > 0 && (!query.healthy || isHealthy(health)))
    .map(({ entry, health, slug, position }) => ({
      action: entry,
      position: { source: 'ranked', rank: rankOf(query.sort, health), slug, position } as const,
    }))
    .sort((a, b) => compareRanked(a.position, b.position))
    .filter((entry) => !after || compareRanked(entry.position, after) > 0);
  if (wanted !== undefined && ranked.length >= wanted) return ranked.slice(0, wanted);
  const uncalled = await catalogEntries(sql, tenantId, query, {
    wanted: wanted === undefined ? undefined : wanted - ranked.length,
    platformHealth,
    uncalledOnly: true,
  });
  return [...ranked, ...uncalled];
}

/** Lower ranks first: success rates are negated so the highest comes first. */
function rankOf(sort: HealthSort, health: ActionHealth): number {
  return sort === 'success_rate' ? -(health.success_rate ?? 0) : (health.p95_ms ?? 0);
}

function compareRanked(a: RankedPosition, b: RankedPosition): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.slug !== b.slug) return a.slug < b.slug ? -1 : 1;
  return a.position - b.position;
}

async function calledActions(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery,
  platformHealth: PlatformHealth,
) {
  const platform =
    query.plugin && query.plugin !== PLATFORM_SOURCE
      ? []
      : matchingPlatformActions(query).map(({ action, index }) => ({
          entry: action,
          health: platformHealthOf(platformHealth, action) ?? toActionHealth(undefined, null),
          // Platform actions come first among equals, as in the catalog.
          slug: '',
          position: index,
        }));
  const rows =
    query.plugin === PLATFORM_SOURCE ? [] : await queryCalledPluginActionRows(sql, tenantId, query);
  const plugin = rows.map((row) => ({
    entry: row.action,
    health: toActionHealth(row.totals, row.circuit),
    slug: row.slug,
    position: row.position,
  }));
  return [...platform, ...plugin];
}
