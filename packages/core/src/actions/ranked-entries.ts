import { type DiscoverActionsQuery, type HealthSort, PLATFORM_SOURCE } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { queryRankedPluginActionRows } from '../plugins/store';
import {
  catalogEntries,
  type Entry,
  matchingPlatformActions,
  type PlatformHealth,
  platformHealthOf,
} from './catalog-entries';
import type { DiscoveryPosition, RankedPosition } from './discovery-cursor';
import { isHealthy } from './health/action-health';
import { readPlatformRanks } from './health/action-health-rows';

interface RankedEntry extends Entry {
  position: RankedPosition;
}

/**
 * A health-sorted list: the actions called in the window ranked best first (the highest success
 * rate, or the lowest p95 bucket), ties by plugin slug ('' for the platform's, which come first)
 * then action type; then the uncalled ones in catalog order. Each page is read afresh from the
 * window table's rank index, so an action whose figures moved between two pages may show twice
 * or not at all, as with any list sorted by live figures.
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
  const [platform, plugin] = await Promise.all([
    rankedPlatformEntries(sql, tenantId, query, platformHealth).then((entries) =>
      entries.filter((entry) => !after || compareRanked(entry.position, after) > 0),
    ),
    query.plugin === PLATFORM_SOURCE
      ? []
      : queryRankedPluginActionRows(sql, tenantId, query, { after, limit: wanted }),
  ]);
  const ranked = [
    ...platform,
    ...plugin.map(
      (row): RankedEntry => ({
        action: row.action,
        position: { source: 'ranked', ...row.place },
      }),
    ),
  ]
    // Stable: plugin actions keep the database's order among equals.
    .sort((a, b) => compareRanked(a.position, b.position));
  if (wanted !== undefined && ranked.length >= wanted) return ranked.slice(0, wanted);
  const uncalled = await catalogEntries(sql, tenantId, query, {
    wanted: wanted === undefined ? undefined : wanted - ranked.length,
    platformHealth,
    uncalledOnly: true,
  });
  return [...ranked, ...uncalled];
}

/** The platform actions matching the filters that were called in the window, with their rank. */
async function rankedPlatformEntries(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery & { sort: HealthSort },
  platformHealth: PlatformHealth,
): Promise<RankedEntry[]> {
  if (query.plugin && query.plugin !== PLATFORM_SOURCE) return [];
  const ranks = await readPlatformRanks(sql, tenantId, query.sort);
  return matchingPlatformActions(query).flatMap(({ action }) => {
    const rank = ranks.get(action.action_type);
    const health = platformHealthOf(platformHealth, action);
    if (rank === undefined || (query.healthy && health && !isHealthy(health))) return [];
    return [
      {
        action,
        position: { source: 'ranked', rank, slug: '', action_type: action.action_type },
      },
    ];
  });
}

/**
 * Lower ranks first; among equals the platform's actions (by action type), then the plugins'
 * in the database's order (slug, then action type, in its collation): two plugin actions compare
 * equal here, as the query already ordered and paged them.
 */
function compareRanked(a: RankedPosition, b: RankedPosition): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  const aPlatform = a.slug === '';
  if (aPlatform !== (b.slug === '')) return aPlatform ? -1 : 1;
  if (!aPlatform || a.action_type === b.action_type) return 0;
  return a.action_type < b.action_type ? -1 : 1;
}
