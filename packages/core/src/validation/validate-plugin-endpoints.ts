import type { PluginValidationReport } from '@registry/contracts';
import { getPlugin } from '../plugins/plugin-queries';
import { ensureSigningSecrets } from '../plugins/plugin-secrets';
import type { RegistryDeps } from '../registry-deps';
import { createEndpointCaller, type EndpointCaller } from './call-endpoint';
import { validateActions } from './validate-actions';
import type { ActionUnderTest } from './validation-cases';

/** Deadline of one validation call when the action registered none of its own. */
const VALIDATION_TIMEOUT_MS = 5_000;

/**
 * Checks that a plugin's endpoints do what its registration promises: each action's declared
 * examples (setup events first) and the valid payloads generated from its schema are answered
 * 2xx JSON, payloads missing a required field, of a wrong type or past an edge 4xx. The registry calls the plugin itself, through dispatch's HTTP client (its URL
 * policy, deadline cap and body cap) and signed with the plugin's secret, so an operator
 * validates any plugin without handling its secret.
 * The valid calls are real calls: the plugin does their work.
 */
export async function validatePluginEndpoints(
  deps: Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp'>,
  tenantId: string,
  slug: string,
): Promise<PluginValidationReport> {
  const plugin = await getPlugin(deps, tenantId, slug);
  const secret = (await ensureSigningSecrets(deps.sql, [plugin.id])).get(plugin.id) as string;
  return validateRegisteredActions(
    plugin,
    createEndpointCaller(deps.pluginHttp, [secret]),
    VALIDATION_TIMEOUT_MS,
  );
}

/** The report for a plugin as the registry answers it, calling its endpoints with `caller`. */
export async function validateRegisteredActions(
  plugin: {
    slug: string;
    api_endpoint: string | null;
    registered_actions: { actions: ActionUnderTest[] };
  },
  caller: EndpointCaller,
  timeoutMs: number,
): Promise<PluginValidationReport> {
  const { actions } = plugin.registered_actions;
  const report = { plugin_slug: plugin.slug, api_endpoint: plugin.api_endpoint, actions: [] };
  if (!plugin.api_endpoint) {
    return { ...report, ok: false, problem: 'The plugin has no api_endpoint to call' };
  }
  if (actions.length === 0) {
    return { ...report, ok: false, problem: 'The plugin has registered no actions' };
  }
  const results = await validateActions(caller, plugin.api_endpoint, actions, timeoutMs);
  return { ...report, ok: results.every((result) => result.ok), actions: results };
}
