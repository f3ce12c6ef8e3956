import { type ActionHealth, type DiscoverActionsQuery, PLATFORM_SOURCE } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { type CatalogPlatformAction, PLATFORM_CATALOG } from '../platform/platform-catalog';
import { type CatalogPluginAction, queryPluginActionRows } from '../plugins/store';
import type { DiscoveryPosition } from './discovery-cursor';
import { isHealthy } from './health/action-health';
import { healthKeyOf } from './health/action-health-rows';

/** One action of a discovery list and its place (undefined: a stored entry that no longer validates). */
export interface Entry {
  position: DiscoveryPosition;
  action: CatalogPlatformAction | CatalogPluginAction | undefined;
}

/** The platform actions' health, read when a filter or sort needs it before paging. */
export type PlatformHealth = ReadonlyMap<string, ActionHealth>;

export const platformHealthOf = (health: PlatformHealth, action: CatalogPlatformAction) =>
  health.get(healthKeyOf(action));

/** The platform actions matching discovery's text filters, with their catalog index. */
export function matchingPlatformActions(query: DiscoverActionsQuery) {
  const needle = query.search?.toLowerCase();
  return PLATFORM_CATALOG.flatMap((action, index) => {
    const matches =
      (!query.category || action.category === query.category) &&
      (!needle ||
        [action.action_type, action.title, action.description ?? ''].some((text) =>
          text.toLowerCase().includes(needle),
        ));
    return matches ? [{ action, index }] : [];
  });
}

/**
 * Up to `wanted` actions in catalog order after `after`: the platform's first, then the plugins'
 * by slug and registration order. `uncalledOnly` keeps those without calls in the health window.
 */
export async function catalogEntries(
  sql: SqlRunner,
  tenantId: string,
  query: DiscoverActionsQuery,
  options: {
    after?: DiscoveryPosition;
    wanted?: number;
    platformHealth?: PlatformHealth;
    uncalledOnly?: boolean;
  },
): Promise<Entry[]> {
  const { after, wanted, platformHealth, uncalledOnly } = options;
  const entries: Entry[] = [];
  if (after?.source !== 'plugin' && (!query.plugin || query.plugin === PLATFORM_SOURCE)) {
    for (const { action, index } of matchingPlatformActions(query)) {
      const health = platformHealth && platformHealthOf(platformHealth, action);
      if (after?.source === 'platform' && index <= after.index) continue;
      if (query.healthy && health && !isHealthy(health)) continue;
      if (uncalledOnly && health && health.calls > 0) continue;
      entries.push({ position: { source: 'platform', index }, action });
    }
  }
  const more = wanted === undefined ? undefined : wanted - entries.length;
  if (query.plugin !== PLATFORM_SOURCE && (more === undefined || more > 0)) {
    const rows = await queryPluginActionRows(sql, tenantId, query, {
      after: after?.source === 'plugin' ? after : undefined,
      limit: more,
      uncalledOnly,
    });
    for (const row of rows) {
      entries.push({
        position: { source: 'plugin', slug: row.slug, position: row.position },
        action: row.action,
      });
    }
  }
  return entries;
}
