import type { DiscoveredAction } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import { AppError } from '../errors/app-error';
import { findPlatformAction, PLATFORM_CATALOG } from '../platform/platform-catalog';
import type { RegistryDeps } from '../registry-deps';
import { loadDefaultProviders } from '../routing/action-type-providers';
import { isDefaultProvider, type RoutablePlugin, routeAction } from '../routing/route-action';

interface PluginRow extends RoutablePlugin {
  name: string;
}

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
  const plugins = await loadPlugins(sql, tenantId, pluginId);
  const route = routeAction(query, { plugins, defaultProviders });
  if (route.kind === 'unroutable') throw AppError.notFound(route.failure.message);
  if (route.kind === 'platform') {
    const entry = PLATFORM_CATALOG.find((action) => action.action_type === query.action_type);
    // Every platform action has its catalog entry; this only narrows the type.
    if (!entry) throw new Error(`No catalog entry for platform action ${query.action_type}`);
    return entry;
  }
  return {
    ...route.action,
    source: 'plugin',
    plugin_id: route.plugin.id,
    plugin_slug: route.plugin.slug,
    plugin_name: route.plugin.name,
    default_provider: isDefaultProvider(query.action_type, route.plugin.id, defaultProviders),
  };
}

async function loadPlugins(
  sql: SqlPool,
  tenantId: string,
  pluginId: string | undefined,
): Promise<Map<string, PluginRow>> {
  if (!pluginId) return new Map();
  const { rows } = await sql.query<PluginRow>({
    text: `SELECT id::text, slug, name, status, registered_actions FROM plugins
           WHERE tenant_id = $1 AND id = $2::uuid`,
    values: [tenantId, pluginId],
  });
  return new Map(rows.map((row) => [row.id, row]));
}
