import type {
  ActionHealth,
  DiscoverActionsQuery,
  DiscoverActionsResponse,
  DiscoveredAction,
  DiscoveredPluginAction,
} from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import { AppError } from '../errors/app-error';
import { type CatalogPlatformAction, PLATFORM_CATALOG } from '../platform/platform-catalog';
import { type CatalogPluginAction, queryPluginActionRows } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { loadDefaultProviders } from '../routing/action-type-providers';
import { isDefaultProvider } from '../routing/route-action';
import { catalogEntries, type Entry } from './catalog-entries';
import { decodeDiscoveryCursor, encodeDiscoveryCursor } from './discovery-cursor';
import { toActionHealth } from './health/action-health';
import { healthKeyOf, readActionHealth } from './health/action-health-rows';
import { rankedEntries } from './ranked-entries';

type Deps = Pick<RegistryDeps, 'sql'>;

/**
 * Everything a tenant can call, each action with its 24 h health: the platform's actions first,
 * then the actions of active plugins by plugin slug, each plugin's in the order it registered
 * them; or, with `sort`, ranked by health (see rankedEntries). With `limit`, one page of that
 * list and the cursor of the next.
 */
export async function discoverActions(
  { sql }: Deps,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<DiscoverActionsResponse> {
  const after = query.cursor ? decodeDiscoveryCursor(query.cursor) : undefined;
  if (after?.source === 'ranked' && !query.sort) {
    throw AppError.validation([{ field: 'cursor', message: 'belongs to a list with sort' }]);
  }
  const limit = query.limit;
  const wanted = limit === undefined ? undefined : limit + 1;
  // Only a health filter or sort needs the platform actions' health before paging.
  const platformHealth =
    query.healthy || query.sort
      ? await readActionHealth(sql, tenantId, PLATFORM_CATALOG)
      : undefined;
  const entries: Entry[] = query.sort
    ? await rankedEntries(
        sql,
        tenantId,
        { ...query, sort: query.sort },
        {
          after,
          wanted,
          platformHealth: platformHealth ?? new Map(),
        },
      )
    : await catalogEntries(sql, tenantId, query, { after, wanted, platformHealth });
  const page = limit === undefined ? entries : entries.slice(0, limit);
  const last = page.at(-1);
  const offered = page.flatMap((entry) => (entry.action ? [entry.action] : []));
  return {
    actions: await completeActions(sql, tenantId, offered),
    next_cursor: last && entries.length > page.length ? encodeDiscoveryCursor(last.position) : null,
  };
}

/** Every active plugin action of a tenant matching the filters (automation health). */
export async function discoverPluginActions(
  { sql }: Deps,
  tenantId: string,
  query: DiscoverActionsQuery,
): Promise<CatalogPluginAction[]> {
  const rows = await queryPluginActionRows(sql, tenantId, query);
  return rows.flatMap((row) => (row.action ? [row.action] : []));
}

/**
 * Adds what the catalog rows lack: each action's health, and whether a plugin's action gets
 * its type's events sent without plugin_id; one query each for the whole list.
 */
export async function completeActions(
  sql: SqlPool,
  tenantId: string,
  actions: ReadonlyArray<CatalogPlatformAction | CatalogPluginAction>,
): Promise<DiscoveredAction[]> {
  const pluginTypes = actions.flatMap((a) => (a.source === 'plugin' ? [a.action_type] : []));
  const [defaultProviders, health] = await Promise.all([
    loadDefaultProviders(sql, tenantId, pluginTypes),
    readActionHealth(sql, tenantId, actions),
  ]);
  const healthOf = (action: CatalogPlatformAction | CatalogPluginAction): ActionHealth =>
    health.get(healthKeyOf(action)) ?? toActionHealth(undefined, null);
  return actions.map((action) =>
    action.source === 'platform'
      ? { ...action, health: healthOf(action) }
      : ({
          ...action,
          default_provider: isDefaultProvider(
            action.action_type,
            action.plugin_id,
            defaultProviders,
          ),
          health: healthOf(action),
        } satisfies DiscoveredPluginAction),
  );
}
