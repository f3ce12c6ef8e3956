import { type AutomationEvent, PENDING_VERIFICATION } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import {
  DELIVERY_STATE_COLUMN,
  DELIVERY_STATE_JOIN,
  readDeliveryState,
} from '../delivery/plugin-delivery-state';
import { EventFailure } from '../errors/event-failure';
import { findPlatformAction } from '../platform/platform-catalog';
import { ensureSigningSecrets } from '../plugins/plugin-secrets';
import { findRegisteredAction } from '../plugins/registered-actions';
import type { DispatchTarget, PluginRecord } from './dispatch-target';

/**
 * Decides each event's target with at most two queries per batch, however large the batch:
 * plugins named by `plugin_id`, and active plugins registering the action types that neither
 * name a plugin nor are platform actions (found through the GIN index on registered_actions).
 * Both bring the plugins' signing secrets along.
 */
export async function resolveTargets(
  sql: SqlPool,
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
    loadPluginsById(sql, tenantId, pluginIds),
    loadProviders(sql, tenantId, openTypes),
  ]);
  await addMissingSecrets(sql, [...named, ...providers]);
  const byId = new Map(named.map((plugin) => [plugin.id, plugin]));
  // A batch mostly repeats a few (plugin, action) pairs: decide each pair once.
  const decided = new Map<string, DispatchTarget>();
  return events.map((event) => {
    const key = `${event.plugin_id ?? ''} ${event.action_type}`;
    let target = decided.get(key);
    if (!target) {
      target = event.plugin_id
        ? targetForNamedPlugin(event.action_type, event.plugin_id, byId.get(event.plugin_id))
        : targetWithoutPlugin(event.action_type, providers);
      decided.set(key, target);
    }
    return target;
  });
}

function targetForNamedPlugin(
  actionType: string,
  pluginId: string,
  plugin: PluginRecord | undefined,
): DispatchTarget {
  if (!plugin) {
    return unroutable('PLUGIN_NOT_FOUND', `Plugin not found: ${pluginId}`);
  }
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

const PLUGIN_COLUMNS = `p.id::text, p.slug, p.name, p.status, p.api_endpoint,
  p.registered_actions, array_remove(ARRAY[s.secret,
    CASE WHEN s.previous_valid_until > now() THEN s.previous_secret END], NULL) AS secrets,
  p.delivery, ${DELIVERY_STATE_COLUMN}`;
const PLUGINS_WITH_SECRETS = `plugins p LEFT JOIN plugin_secrets s ON s.plugin_id = p.id
  ${DELIVERY_STATE_JOIN}`;

type PluginRow = Omit<PluginRecord, 'delivery_state'> & { delivery_state: unknown };

function toPluginRecord(row: PluginRow): PluginRecord {
  return { ...row, delivery_state: readDeliveryState(row.delivery_state) };
}

async function loadPluginsById(
  sql: SqlPool,
  tenantId: string,
  ids: string[],
): Promise<PluginRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql.query<PluginRow>({
    text: `SELECT ${PLUGIN_COLUMNS} FROM ${PLUGINS_WITH_SECRETS}
           WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`,
    values: [tenantId, ids],
  });
  return rows.map(toPluginRecord);
}

/** The plugins of a worker's batch of events (any tenants), with secrets and delivery state. */
export async function loadPluginsForDelivery(
  sql: SqlPool,
  ids: string[],
): Promise<Map<string, PluginRecord>> {
  if (ids.length === 0) return new Map();
  const { rows } = await sql.query<PluginRow>({
    text: `SELECT ${PLUGIN_COLUMNS} FROM ${PLUGINS_WITH_SECRETS} WHERE p.id = ANY($1::uuid[])`,
    values: [ids],
  });
  const plugins = rows.map(toPluginRecord);
  await addMissingSecrets(sql, plugins);
  return new Map(plugins.map((plugin) => [plugin.id, plugin]));
}

async function addMissingSecrets(sql: SqlPool, plugins: PluginRecord[]): Promise<void> {
  const unsigned = plugins.filter((plugin) => plugin.secrets.length === 0);
  if (unsigned.length === 0) return;
  const created = await ensureSigningSecrets(sql, unique(unsigned.map((plugin) => plugin.id)));
  for (const plugin of unsigned) {
    const secret = created.get(plugin.id);
    if (secret) plugin.secrets = [secret];
  }
}

async function loadProviders(
  sql: SqlPool,
  tenantId: string,
  actionTypes: string[],
): Promise<PluginRecord[]> {
  if (actionTypes.length === 0) return [];
  // One containment test per type, OR-ed: each can use the GIN index (`@> ANY` cannot).
  const registers = actionTypes.map((_, i) => `p.registered_actions @> $${i + 2}::jsonb`);
  const { rows } = await sql.query<PluginRow>(
    `SELECT ${PLUGIN_COLUMNS} FROM ${PLUGINS_WITH_SECRETS}
     WHERE p.tenant_id = $1 AND p.status = 'active' AND (${registers.join(' OR ')})`,
    [tenantId, ...actionTypes.map((type) => JSON.stringify({ actions: [{ action_type: type }] }))],
  );
  return rows.map(toPluginRecord);
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
