import type { AutomationHealth } from '@registry/contracts';
import { discoverPluginActions } from '../actions/discover-actions';
import { PLATFORM_ACTIONS } from '../platform/platform-catalog';
import { findPluginCircuits } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';

/**
 * What the automation endpoint can dispatch. Platform actions need no database, so they are
 * reported even when plugin actions cannot be loaded; the status then says `degraded`. An open
 * plugin circuit is reported but degrades nothing: the other plugins are served as usual.
 */
export async function automationHealth(
  deps: Pick<RegistryDeps, 'db' | 'sql' | 'logger'>,
  tenantId: string,
): Promise<AutomationHealth> {
  const platform = PLATFORM_ACTIONS.map((action) => action.action_type);
  const platformActions = { count: platform.length, actions: platform };
  let pluginCircuits: AutomationHealth['plugin_circuits'] = [];
  try {
    pluginCircuits = await findPluginCircuits(deps.db, tenantId);
    const pluginActions = (await discoverPluginActions(deps, tenantId, {})).map((action) => ({
      action_type: action.action_type,
      title: action.title,
      category: action.category,
      plugin_id: action.plugin_id,
      plugin_slug: action.plugin_slug,
      plugin_name: action.plugin_name,
    }));
    return {
      status: 'healthy',
      platform_actions: platformActions,
      plugin_actions: { count: pluginActions.length, actions: pluginActions },
      total_actions: platform.length + pluginActions.length,
      plugin_circuits: pluginCircuits,
    };
  } catch (error) {
    deps.logger.error({ err: error, tenantId }, 'could not load plugin actions for health');
    return {
      status: 'degraded',
      platform_actions: platformActions,
      plugin_actions: { count: 0, actions: [], error: 'Plugin actions could not be loaded' },
      total_actions: platform.length,
      plugin_circuits: pluginCircuits,
    };
  }
}
