import type { AutomationHealth } from '@registry/contracts';
import { discoverPluginActions } from '../actions/discover-actions';
import { PLATFORM_ACTIONS } from '../platform/platform-catalog';
import { circuitOf } from '../plugins/plugin-dto';
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
    pluginCircuits = await tenantCircuits(deps, tenantId);
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

/** The circuit of every plugin of the tenant that has been called, as every process sees it. */
async function tenantCircuits(deps: Pick<RegistryDeps, 'db'>, tenantId: string) {
  const plugins = await deps.db.plugin.findMany({
    where: { tenantId, deliveryState: { isNot: null } },
    select: {
      id: true,
      slug: true,
      deliveryState: {
        select: { circuitState: true, consecutiveFailures: true, openedAt: true, halfOpenAt: true },
      },
    },
    orderBy: { slug: 'asc' },
  });
  return plugins.flatMap((plugin) => {
    const circuit = circuitOf(plugin);
    return circuit ? [{ plugin_id: plugin.id, plugin_slug: plugin.slug, ...circuit }] : [];
  });
}
