import type { AutomationEvent } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import {
  DELIVERY_STATE_COLUMN,
  DELIVERY_STATE_JOIN,
  readDeliveryState,
} from '../delivery/plugin-delivery-state';
import { findPlatformAction } from '../platform/platform-catalog';
import { ensureSigningSecrets } from '../plugins/plugin-secrets';
import { loadDefaultProviders } from '../routing/action-type-providers';
import { routeAction } from '../routing/route-action';
import type { DispatchTarget, PluginRecord } from './dispatch-target';

/**
 * Decides each event's target by the routing rule (`routeAction`), with at most two queries
 * per batch, however large the batch: the default providers of the action types that neither
 * name a plugin nor are platform actions, then the plugins named by `plugin_id` and those
 * defaults, with their signing secrets.
 */
export async function resolveTargets(
  sql: SqlPool,
  tenantId: string,
  events: readonly AutomationEvent[],
): Promise<DispatchTarget[]> {
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
  const loaded = await loadPluginsById(sql, tenantId, pluginIds);
  await addMissingSecrets(sql, loaded);
  const rows = { plugins: new Map(loaded.map((plugin) => [plugin.id, plugin])), defaultProviders };
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

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
