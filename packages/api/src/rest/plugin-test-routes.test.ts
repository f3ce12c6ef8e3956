import { randomUUID } from 'node:crypto';
import { ZConnectivityResultSchema } from '@registry/contracts';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { insertPlugin, respondJson, startPluginServer } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

async function pluginAt(apiEndpoint: string | null) {
  const slug = uniqueSlug('probe');
  await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, apiEndpoint });
  return slug;
}

describe('/api/plugins/{slug}/test', () => {
  it('[REST][TEST]: GET and POST probe the plugin api_endpoint on a real server', async () => {
    const server = await startPluginServer({ '/base': respondJson(200, { ok: true }) });
    try {
      const slug = await pluginAt(`${server.url}/base`);
      for (const method of ['GET', 'POST']) {
        const answer = await send(method, `/api/plugins/${slug}/test`);
        expect(answer.status).toBe(200);
        expect(ZConnectivityResultSchema.parse(answer.body)).toMatchObject({
          success: true,
          plugin_slug: slug,
          url: `${server.url}/base`,
          status: 200,
          message: 'Plugin reachable (HTTP 200)',
        });
      }
      expect(server.calls.map((call) => [call.method, call.path])).toEqual([
        ['GET', '/base'],
        ['GET', '/base'],
      ]);
      expect(server.calls[0]?.headers['user-agent']).toBe('BCS-Automation/1.0');
    } finally {
      await server.close();
    }
  });

  it('[REST][TEST]: a plugin answering 404 is reachable; one answering 503 is not', async () => {
    const server = await startPluginServer({ '/down': respondJson(503, { error: 'maintenance' }) });
    try {
      const reachable = await send('GET', `/api/plugins/${await pluginAt(server.url)}/test`);
      expect(reachable.body).toMatchObject({ success: true, status: 404 });
      const down = await send('GET', `/api/plugins/${await pluginAt(`${server.url}/down`)}/test`);
      expect(down.status).toBe(200);
      expect(down.body).toMatchObject({
        success: false,
        status: 503,
        message: 'Plugin answered with a server error (HTTP 503)',
      });
    } finally {
      await server.close();
    }
  });

  it('[REST][TEST]: a refused connection and a missing api_endpoint are reported, not thrown', async () => {
    // Nothing listens on loopback port 1 (a privileged port no test server can take).
    const refused = await send('POST', `/api/plugins/${await pluginAt('http://127.0.0.1:1')}/test`);
    expect(refused.status).toBe(200);
    expect(refused.body).toMatchObject({ success: false, status: null, latency_ms: null });
    expect((refused.body as { message: string }).message).toMatch(/refused the connection/);

    const unset = await send('GET', `/api/plugins/${await pluginAt(null)}/test`);
    expect(unset.body).toMatchObject({
      success: false,
      url: null,
      message: 'Plugin has no api_endpoint configured',
    });
  });

  it('[REST][TEST]: an unknown slug is a 404', async () => {
    const slug = uniqueSlug('ghost');
    for (const method of ['GET', 'POST']) {
      const answer = await send(method, `/api/plugins/${slug}/test`);
      expect(expectRestError(answer, 404, 'NOT_FOUND').error).toBe(`Plugin not found: ${slug}`);
    }
  });
});
