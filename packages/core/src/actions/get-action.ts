import type { DiscoveredAction } from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { findPlatformAction, PLATFORM_CATALOG } from '../platform/platform-catalog';
import { loadPluginRecords } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { loadDefaultProviders } from '../routing/action-type-providers';
import { routeAction } from '../routing/route-action';
import { completeActions } from './discover-actions';

/**
 * The action an event of (action_type, plugin_id?) would run, by the routing rule dispatch
 * follows; NOT_FOUND, with dispatch's reason, when the event would not be routed.
 */
export async function getAction(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  query: { action_type: string; plugin_id?: string },
): Promise<DiscoveredAction> {
  const pluginType = findPlatformAction(query.action_type) ? [] : [query.action_type];
  const defaultProviders = await loadDefaultProviders(sql, tenantId, pluginType);
  const pluginId = query.plugin_id ?? defaultProviders.get(query.action_type);
  const loaded = await loadPluginRecords(sql, pluginId ? [pluginId] : [], tenantId);
  const plugins = new Map(loaded.map((plugin) => [plugin.id, plugin]));
  const route = routeAction(query, { plugins, defaultProviders });
  if (route.kind === 'unroutable') throw AppError.notFound(route.failure.message);
  const action =
    route.kind === 'platform'
      ? PLATFORM_CATALOG.find((entry) => entry.action_type === query.action_type)
      : ({
          ...route.action,
          source: 'plugin',
          plugin_id: route.plugin.id,
          plugin_slug: route.plugin.slug,
          plugin_name: route.plugin.name,
        } as const);
  // Every platform action has its catalog entry; this only narrows the type.
  if (!action) throw new Error(`No catalog entry for platform action ${query.action_type}`);
  const [completed] = await completeActions(sql, tenantId, [action]);
  return completed as DiscoveredAction;
}
