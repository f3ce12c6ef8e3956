import type pg from 'pg';
import { type Dispatcher, request } from 'undici';

/**
 * The seed document's dispatch path, as written there: for every event, load every active
 * plugin's registered actions (`getRegisteredActions`), flatten them, and scan for the one
 * matching action_type and plugin_id (`findActionRegistration`); then POST to the plugin. Its
 * bug of never selecting `p.id` is fixed, or it could never find anything.
 */
export async function seedDispatchOne(
  pool: pg.Pool,
  agent: Dispatcher,
  tenantId: string,
  actionType: string,
  pluginId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const result = await pool.query(
    `SELECT p.id, p.slug, p.name, p.api_endpoint, p.registered_actions
     FROM plugins p
     WHERE p.tenant_id = $1
     AND p.status = 'active'
     AND p.registered_actions IS NOT NULL
     AND p.registered_actions != '{}'`,
    [tenantId],
  );
  const allActions = [];
  for (const plugin of result.rows) {
    for (const action of plugin.registered_actions?.actions || []) {
      allActions.push({
        ...action,
        plugin_id: plugin.id,
        plugin_slug: plugin.slug,
        plugin_name: plugin.name,
        plugin_endpoint: plugin.api_endpoint,
      });
    }
  }
  const registration = allActions.find(
    (action) => action.action_type === actionType && action.plugin_id === pluginId,
  );
  if (!registration)
    throw new Error(`Plugin action not found: ${actionType} for plugin ${pluginId}`);
  const response = await request(`${registration.plugin_endpoint}${registration.endpoint}`, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/json', 'user-agent': 'BCS-Automation/1.0' },
    body: JSON.stringify(payload),
  });
  await response.body.json();
}
