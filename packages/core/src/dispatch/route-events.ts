import type { AutomationEvent } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import { findPlatformAction } from '../platform/platform-catalog';
import { loadPluginRecords, type PluginRecord } from '../plugins/store';
import { loadDefaultProviders } from '../routing/action-type-providers';
import { type RoutingRows, routeAction } from '../routing/route-action';
import type { DispatchTarget } from './dispatch-target';

/**
 * What routing a batch needs, in at most two queries however large the batch: the default
 * providers of the action types that neither name a plugin nor are platform actions, then the
 * plugins named by `plugin_id` and those defaults. Reads only.
 */
export async function loadRoutingRows(
  sql: SqlPool,
  tenantId: string,
  events: readonly AutomationEvent[],
): Promise<RoutingRows<PluginRecord>> {
  const openTypes = unique(
    events
      .filter((event) => !event.plugin_id && !findPlatformAction(event.action_type))
      .map((event) => event.action_type),
  );
  const defaultProviders = await loadDefaultProviders(sql, tenantId, openTypes);
  const pluginIds = unique([
    ...events.flatMap((event) => (event.plugin_id ? [event.plugin_id] : [])),
    ...defaultProviders.values(),
  ]);
  const plugins = await loadPluginRecords(sql, pluginIds, tenantId);
  return { plugins: new Map(plugins.map((plugin) => [plugin.id, plugin])), defaultProviders };
}

/** Each event's target by the routing rule (`routeAction`), from the rows loaded for them. */
export function routeEvents(
  events: readonly AutomationEvent[],
  rows: RoutingRows<PluginRecord>,
): DispatchTarget[] {
  // A batch mostly repeats a few (plugin, action) pairs: decide each pair once.
  const decided = new Map<string, DispatchTarget>();
  return events.map((event) => {
    const key = `${event.plugin_id ?? ''} ${event.action_type}`;
    let target = decided.get(key);
    if (!target) {
      target = routeAction(event, rows);
      decided.set(key, target);
    }
    return target;
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
