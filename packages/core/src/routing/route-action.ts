import { type ActionDefinition, PENDING_VERIFICATION } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { PlatformAction } from '../platform/platform-action';
import { findPlatformAction } from '../platform/platform-catalog';
import { findRegisteredAction } from '../plugins/registered-actions';

/** What routing reads of a plugin row. */
export interface RoutablePlugin {
  id: string;
  slug: string;
  status: string;
  registered_actions: unknown;
}

/** Where a call of (action_type, plugin_id?) goes, decided before anything is called. */
export type ActionRoute<P extends RoutablePlugin> =
  | { kind: 'platform'; action: PlatformAction }
  | { kind: 'plugin'; plugin: P; action: ActionDefinition }
  | { kind: 'unroutable'; failure: EventFailure; plugin?: P };

/** What routing needs loaded: see `loadDefaultProviders` for the defaults. */
export interface RoutingRows<P extends RoutablePlugin> {
  /** The tenant's plugins named by `plugin_id`, and the default providers, by id. */
  plugins: ReadonlyMap<string, P>;
  /** The default provider (plugin id) of each plugin action type asked for without plugin_id. */
  defaultProviders: ReadonlyMap<string, string>;
}

/**
 * The one routing rule, which dispatch and `getAction` both follow. A call naming a plugin goes
 * to that plugin. One without goes to the platform action of that name, else to the type's
 * default provider, whatever that plugin's state: when it cannot serve, the call fails naming
 * it, and never falls through to another plugin that registered the same type (which could
 * otherwise register a rival's action types and receive its events).
 */
export function routeAction<P extends RoutablePlugin>(
  call: { action_type: string; plugin_id?: string | null },
  rows: RoutingRows<P>,
): ActionRoute<P> {
  const actionType = call.action_type;
  if (call.plugin_id) {
    return routeToPlugin(actionType, call.plugin_id, rows.plugins.get(call.plugin_id));
  }
  const platformAction = findPlatformAction(actionType);
  if (platformAction) return { kind: 'platform', action: platformAction };
  const defaultId = rows.defaultProviders.get(actionType);
  if (!defaultId) return unroutable('ACTION_NOT_FOUND', `Unknown action type: ${actionType}`);
  const route = routeToPlugin(actionType, defaultId, rows.plugins.get(defaultId));
  if (route.kind !== 'unroutable' || !route.plugin) return route;
  const why = `${route.failure.message}, and it is the default provider of ${actionType}: send plugin_id to choose another provider`;
  return unroutable(route.failure.code, why, route.plugin);
}

/** Whether calls of `actionType` without plugin_id go to this plugin (when it can serve). */
export function isDefaultProvider(
  actionType: string,
  pluginId: string,
  defaultProviders: ReadonlyMap<string, string>,
): boolean {
  return !findPlatformAction(actionType) && defaultProviders.get(actionType) === pluginId;
}

function routeToPlugin<P extends RoutablePlugin>(
  actionType: string,
  pluginId: string,
  plugin: P | undefined,
): ActionRoute<P> {
  if (!plugin) return unroutable('PLUGIN_NOT_FOUND', `Plugin not found: ${pluginId}`);
  if (plugin.status === PENDING_VERIFICATION) {
    const why = `Plugin ${plugin.slug} is waiting for its api_endpoint to answer the ownership challenge (POST /api/plugins/${plugin.slug}/verify)`;
    return unroutable('PLUGIN_INACTIVE', why, plugin);
  }
  if (plugin.status !== 'active') {
    return unroutable('PLUGIN_INACTIVE', `Plugin ${plugin.slug} is ${plugin.status}`, plugin);
  }
  const action = findRegisteredAction(plugin.registered_actions, actionType);
  if (!action) {
    return unroutable(
      'ACTION_NOT_FOUND',
      `Plugin action not found: ${actionType} for plugin ${pluginId}`,
      plugin,
    );
  }
  return { kind: 'plugin', plugin, action };
}

function unroutable<P extends RoutablePlugin>(
  code: EventFailure['code'],
  message: string,
  plugin?: P,
): ActionRoute<P> {
  return { kind: 'unroutable', failure: new EventFailure(code, message), plugin };
}
