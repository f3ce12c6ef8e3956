import type { AutomationEvent } from '@registry/contracts';
import { type Db, Prisma } from '@registry/db';
import { EventFailure } from '../errors/event-failure';
import { findPlatformAction } from '../platform/platform-catalog';
import { findRegisteredAction } from '../plugins/registered-actions';
import type { DispatchTarget, PluginRecord } from './dispatch-target';

/**
 * Decides each event's target with at most two queries per batch, however large the batch:
 * plugins named by `plugin_id`, and active plugins registering the action types that neither
 * name a plugin nor are platform actions (found through the GIN index on registered_actions).
 */
export async function resolveTargets(
  db: Db,
  tenantId: string,
  events: readonly AutomationEvent[],
): Promise<DispatchTarget[]> {
  const pluginIds = unique(events.flatMap((event) => (event.plugin_id ? [event.plugin_id] : [])));
  const openTypes = unique(
    events
      .filter((event) => !event.plugin_id && !findPlatformAction(event.action_type))
      .map((event) => event.action_type),
  );
  const [named, providers] = await Promise.all([
    loadPluginsById(db, tenantId, pluginIds),
    loadProviders(db, tenantId, openTypes),
  ]);
  const byId = new Map(named.map((plugin) => [plugin.id, plugin]));
  return events.map((event) =>
    event.plugin_id
      ? targetForNamedPlugin(event.action_type, event.plugin_id, byId.get(event.plugin_id))
      : targetWithoutPlugin(event.action_type, providers),
  );
}

function targetForNamedPlugin(
  actionType: string,
  pluginId: string,
  plugin: PluginRecord | undefined,
): DispatchTarget {
  if (!plugin) {
    return unroutable('PLUGIN_NOT_FOUND', `Plugin not found: ${pluginId}`);
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

function targetWithoutPlugin(actionType: string, providers: PluginRecord[]): DispatchTarget {
  const platformAction = findPlatformAction(actionType);
  if (platformAction) return { kind: 'platform', action: platformAction };
  const matches = providers.flatMap((plugin) => {
    const action = findRegisteredAction(plugin.registered_actions, actionType);
    return action ? [{ plugin, action }] : [];
  });
  const [only] = matches;
  if (only && matches.length === 1) return { kind: 'plugin', ...only };
  if (matches.length > 1) {
    const names = matches.map(({ plugin }) => `${plugin.slug} (${plugin.id})`).join(', ');
    return unroutable(
      'AMBIGUOUS_ACTION',
      `Action ${actionType} is registered by several plugins: ${names}; send plugin_id to choose one`,
    );
  }
  return unroutable('ACTION_NOT_FOUND', `Unknown action type: ${actionType}`);
}

function unroutable(
  code: EventFailure['code'],
  message: string,
  plugin?: PluginRecord,
): DispatchTarget {
  return { kind: 'unroutable', failure: new EventFailure(code, message), plugin };
}

function loadPluginsById(db: Db, tenantId: string, ids: string[]): Promise<PluginRecord[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.$queryRaw<PluginRecord[]>`
    SELECT id::text, slug, name, status, api_endpoint, registered_actions
    FROM plugins
    WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${ids}::uuid[])`;
}

function loadProviders(db: Db, tenantId: string, actionTypes: string[]): Promise<PluginRecord[]> {
  if (actionTypes.length === 0) return Promise.resolve([]);
  const registers = actionTypes.map(
    (type) =>
      Prisma.sql`registered_actions @> ${JSON.stringify({ actions: [{ action_type: type }] })}::jsonb`,
  );
  return db.$queryRaw<PluginRecord[]>`
    SELECT id::text, slug, name, status, api_endpoint, registered_actions
    FROM plugins
    WHERE tenant_id = ${tenantId}::uuid AND status = 'active'
      AND (${Prisma.join(registers, ' OR ')})`;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
