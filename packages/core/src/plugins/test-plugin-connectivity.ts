import type { ConnectivityResult } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { RegistryDeps } from '../registry-deps';
import { getPlugin } from './plugin-queries';

const PROBE_TIMEOUT_MS = 5_000;

/**
 * Checks that something answers at the plugin's `api_endpoint`. Any HTTP answer below 500 counts
 * as reachable: a plugin need not serve its base URL, only answer on it.
 */
export async function testPluginConnectivity(
  deps: Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp'>,
  tenantId: string,
  slug: string,
): Promise<ConnectivityResult> {
  const plugin = await getPlugin(deps, tenantId, slug);
  const base = { plugin_slug: plugin.slug, url: plugin.api_endpoint };
  if (!plugin.api_endpoint) {
    return {
      ...base,
      success: false,
      status: null,
      latency_ms: null,
      message: 'Plugin has no api_endpoint configured',
    };
  }
  try {
    const { status, latencyMs } = await deps.pluginHttp.probe(
      plugin.api_endpoint,
      PROBE_TIMEOUT_MS,
    );
    const success = status < 500;
    return {
      ...base,
      success,
      status,
      latency_ms: Math.round(latencyMs * 100) / 100,
      message: success
        ? `Plugin reachable (HTTP ${status})`
        : `Plugin answered with a server error (HTTP ${status})`,
    };
  } catch (error) {
    const message = error instanceof EventFailure ? error.message : 'Plugin could not be reached';
    return { ...base, success: false, status: null, latency_ms: null, message };
  }
}
