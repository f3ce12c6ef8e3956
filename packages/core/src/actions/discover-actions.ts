import {
  type DiscoverActionsQuery,
  type DiscoverActionsResponse,
  type DiscoveredPlatformAction,
  type DiscoveredPluginAction,
  PLATFORM_SOURCE,
} from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import { PLATFORM_CATALOG } from '../platform/platform-catalog';
import { type CatalogPluginAction, queryPluginActionRows } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { loadDefaultProviders } from '../routing/action-type-providers';
import { isDefaultProvider } from '../routing/route-action';
import {
  type DiscoveryPosition,
  decodeDiscoveryCursor,
  encodeDiscoveryCursor,
} from './discovery-cursor';

interface Entry {
  position: DiscoveryPosition;
  action: DiscoveredPlatformAction | CatalogPluginAction | undefined;
}

type Deps = Pick<RegistryDeps, 'sql'>;

/**
 * Everything a tenant can call: the platform's actions first, then the actions of active
 * plugins by plugin slug, each plugin's in the order it registered them. With `limit`, one page
 * of that list and the cursor of the next.
 */
export async function discoverActions(
  { sql }: Deps,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<DiscoverActionsResponse> {
  const after = query.cursor ? decodeDiscoveryCursor(query.cursor) : undefined;
  const limit = query.limit;
  const entries: Entry[] = [];
  if (query.plugin === undefined || query.plugin === PLATFORM_SOURCE) {
    entries.push(...platformEntries(query, after));
  }
  const wanted = limit === undefined ? undefined : limit + 1 - entries.length;
  if (query.plugin !== PLATFORM_SOURCE && (wanted === undefined || wanted > 0)) {
    const rows = await queryPluginActionRows(sql, tenantId, query, {
      after: after?.source === 'plugin' ? after : undefined,
      limit: wanted,
    });
    for (const row of rows) {
      entries.push({
        position: { source: 'plugin', slug: row.slug, position: row.position },
        action: row.action,
      });
    }
  }
  const page = limit === undefined ? entries : entries.slice(0, limit);
  const last = page.at(-1);
  const offered = page.flatMap((entry) => (entry.action ? [entry.action] : []));
  const mark = await defaultProviderMarker(sql, tenantId, offered);
  return {
    actions: offered.map((action) => (action.source === 'plugin' ? mark(action) : action)),
    next_cursor: last && entries.length > page.length ? encodeDiscoveryCursor(last.position) : null,
  };
}

function platformEntries(query: DiscoverActionsQuery, after?: DiscoveryPosition): Entry[] {
  if (after?.source === 'plugin') return [];
  const needle = query.search?.toLowerCase();
  return PLATFORM_CATALOG.flatMap((action, index) => {
    const matches =
      (!after || index > after.index) &&
      (!query.category || action.category === query.category) &&
      (!needle ||
        [action.action_type, action.title, action.description ?? ''].some((text) =>
          text.toLowerCase().includes(needle),
        ));
    return matches ? [{ position: { source: 'platform', index } as const, action }] : [];
  });
}

/** Every active plugin action of a tenant matching the filters (health, exports). */
export async function discoverPluginActions(
  { sql }: Deps,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<DiscoveredPluginAction[]> {
  const rows = await queryPluginActionRows(sql, tenantId, query);
  const offered = rows.flatMap((row) => (row.action ? [row.action] : []));
  return offered.map(await defaultProviderMarker(sql, tenantId, offered));
}

/**
 * Marks a plugin action with whether its plugin gets its type's events sent without plugin_id,
 * with one query for all the plugin action types among `actions`.
 */
async function defaultProviderMarker(
  sql: SqlPool,
  tenantId: string,
  actions: ReadonlyArray<DiscoveredPlatformAction | CatalogPluginAction>,
) {
  const pluginTypes = actions.flatMap((a) => (a.source === 'plugin' ? [a.action_type] : []));
  const defaultProviders = await loadDefaultProviders(sql, tenantId, pluginTypes);
  return (action: CatalogPluginAction): DiscoveredPluginAction => ({
    ...action,
    default_provider: isDefaultProvider(action.action_type, action.plugin_id, defaultProviders),
  });
}
