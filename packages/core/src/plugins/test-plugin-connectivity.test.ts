import { insertPlugin, newTenantId, respondJson, startPluginServer } from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { testPluginConnectivity } from './test-plugin-connectivity';

const deps = testRegistryDeps();

/** A tenant's plugin whose api_endpoint is `apiEndpoint`. */
async function pluginAt(apiEndpoint: string | null) {
  const tenantId = newTenantId();
  const plugin = await insertPlugin(deps.db, tenantId, { slug: 'probed', apiEndpoint });
  return { tenantId, slug: plugin.slug };
}

async function serve(status: number) {
  const server = await startPluginServer({ '/': respondJson(status, { status }) });
  onTestFinished(() => server.close());
  return server;
}

describe('testPluginConnectivity', () => {
  it('[PLUGINS][CONNECTIVITY]: a plugin answering on its api_endpoint is reachable', async () => {
    const server = await serve(200);
    const { tenantId, slug } = await pluginAt(server.url);

    const result = await testPluginConnectivity(deps, tenantId, slug);

    expect(result).toMatchObject({
      success: true,
      plugin_slug: 'probed',
      url: server.url,
      status: 200,
      message: 'Plugin reachable (HTTP 200)',
    });
    expect(result.latency_ms).toBeGreaterThanOrEqual(0);
    expect(server.calls.map((call) => [call.method, call.path])).toEqual([['GET', '/']]);
  });

  it('[PLUGINS][CONNECTIVITY]: a 4xx still means something answered', async () => {
    const server = await serve(404);
    const { tenantId, slug } = await pluginAt(server.url);
    expect(await testPluginConnectivity(deps, tenantId, slug)).toMatchObject({
      success: true,
      status: 404,
    });
  });

  it('[PLUGINS][CONNECTIVITY]: a 5xx answer is a failure with its status', async () => {
    const server = await serve(503);
    const { tenantId, slug } = await pluginAt(server.url);
    expect(await testPluginConnectivity(deps, tenantId, slug)).toMatchObject({
      success: false,
      status: 503,
      message: 'Plugin answered with a server error (HTTP 503)',
    });
  });

  it('[PLUGINS][CONNECTIVITY]: a refused connection is a failure saying so', async () => {
    const server = await startPluginServer({});
    await server.close();
    const { tenantId, slug } = await pluginAt(server.url);

    const result = await testPluginConnectivity(deps, tenantId, slug);

    expect(result).toMatchObject({
      success: false,
      status: null,
      latency_ms: null,
      url: server.url,
    });
    expect(result.message).toMatch(/^Plugin refused the connection/);
  });

  it('[PLUGINS][CONNECTIVITY]: a plugin without api_endpoint is reported, not probed', async () => {
    const { tenantId, slug } = await pluginAt(null);
    expect(await testPluginConnectivity(deps, tenantId, slug)).toEqual({
      success: false,
      plugin_slug: 'probed',
      url: null,
      status: null,
      latency_ms: null,
      message: 'Plugin has no api_endpoint configured',
    });
  });

  it('[PLUGINS][CONNECTIVITY]: an unknown slug is NOT_FOUND', async () => {
    await expect(testPluginConnectivity(deps, newTenantId(), 'nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
