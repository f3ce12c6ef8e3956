import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  type PluginRoute,
  pluginServerForTest,
  respondJson,
  startPluginServer,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import type { RegistryDeps } from '../registry-deps';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });
const shortDeadline = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '300' });

const dispatch = (tenantId: string, body: unknown, using: RegistryDeps = deps) =>
  dispatchBody(using, tenantId, body);

/** A plugin whose one action answers with `route`, and an event calling it. */
async function pluginAnswering(tenantId: string, slug: string, route: PluginRoute) {
  const server = await pluginServerForTest({ '/actions/act': route });
  const plugin = await insertPlugin(deps.db, tenantId, {
    slug,
    apiEndpoint: server.url,
    actions: [actionDefinition('act')],
  });
  return { server, event: { action_type: 'act', plugin_id: plugin.id, payload: { slug } } };
}

/** A loopback URL nothing listens on any more. */
async function closedServerUrl() {
  const server = await startPluginServer({});
  await server.close();
  return server.url;
}

const neverAnswers: PluginRoute = () => {};

describe('dispatchEvents: a failing plugin fails only its own event', () => {
  it('[DISPATCH][FAILURE]: 5xx, 4xx, invalid JSON, refused and reset connections each get their code', async () => {
    const tenant = newTenantId();
    const healthy = await pluginAnswering(tenant, 'healthy', respondJson(200, { fine: true }));
    const crashing = await pluginAnswering(tenant, 'crashing', respondJson(500, { error: 'boom' }));
    const missing = await pluginAnswering(tenant, 'missing', respondJson(404, { error: 'nope' }));
    const garbled = await pluginAnswering(tenant, 'garbled', (_call, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>not json</html>');
    });
    const hangingUp = await pluginAnswering(tenant, 'hanging-up', (_call, response) => {
      response.socket?.destroy();
    });
    const gone = await insertPlugin(deps.db, tenant, {
      slug: 'gone',
      apiEndpoint: await closedServerUrl(),
      actions: [actionDefinition('act')],
    });

    const response = await dispatch(tenant, {
      events: [
        healthy.event,
        crashing.event,
        missing.event,
        garbled.event,
        { action_type: 'act', plugin_id: gone.id, payload: {} },
        hangingUp.event,
        healthy.event,
      ],
    });

    const outcome = response.results.map((r) =>
      r.success ? ['ok', r.plugin_slug] : [r.error_code, r.plugin_slug, r.http_status],
    );
    expect(outcome).toEqual([
      ['ok', 'healthy'],
      ['HTTP_5XX', 'crashing', 500],
      ['HTTP_4XX', 'missing', 404],
      ['INVALID_JSON', 'garbled', 200],
      ['CONNECTION_REFUSED', 'gone', undefined],
      ['CONNECTION_RESET', 'hanging-up', undefined],
      ['ok', 'healthy'],
    ]);
    expect(response.summary).toMatchObject({ total: 7, successful: 2, failed: 5 });
    expect(response.results[1]).toMatchObject({
      error: 'Plugin action failed: 500 - {"error":"boom"}',
    });
    expect(response.results[2]).toMatchObject({
      error: 'Plugin action failed: 404 - {"error":"nope"}',
    });
    expect(response.results[3]).toMatchObject({ error: expect.stringContaining('<html>not json') });
    expect(healthy.server.calls).toHaveLength(2);
    const rows = await deps.db.actionExecution.findMany({
      where: { tenantId: tenant },
      orderBy: { eventIndex: 'asc' },
    });
    // Transient failures are retried until the schedule is out of attempts (`dead`, redeliverable);
    // a plugin's refusal or a 2xx it garbled is final at once (`failed`).
    expect(rows.map((row) => [row.status, row.errorCode])).toEqual([
      ['succeeded', null],
      ['dead', 'HTTP_5XX'],
      ['failed', 'HTTP_4XX'],
      ['failed', 'INVALID_JSON'],
      ['dead', 'CONNECTION_REFUSED'],
      ['dead', 'CONNECTION_RESET'],
      ['succeeded', null],
    ]);
    expect(response.results.map((r) => r.status)).toEqual(rows.map((row) => row.status));
  });

  it('[DISPATCH][TIMEOUT]: a plugin that never answers fails with TIMEOUT after its attempts', async () => {
    const tenant = newTenantId();
    const healthy = await pluginAnswering(tenant, 'healthy', respondJson(200, { fine: true }));
    const silent = await pluginAnswering(tenant, 'silent', neverAnswers);
    const started = performance.now();

    const response = await dispatch(
      tenant,
      { events: [silent.event, healthy.event, silent.event] },
      shortDeadline,
    );

    expect(performance.now() - started).toBeLessThan(5000);
    // Each event is tried three times, always under its own webhook-id.
    const ids = silent.server.calls.map((call) => call.headers['webhook-id']);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(2);
    expect(response.results.map((r) => r.attempts)).toEqual([3, 1, 3]);
    expect(response.results.map((r) => (r.success ? 'ok' : r.error_code))).toEqual([
      'TIMEOUT',
      'ok',
      'TIMEOUT',
    ]);
    expect(response.results[0]).toMatchObject({ error: 'Plugin did not answer within 300 ms' });
    expect(response.results[0]).not.toHaveProperty('http_status');
    const rows = await deps.db.actionExecution.findMany({ where: { tenantId: tenant } });
    expect(rows.filter((row) => row.errorCode === 'TIMEOUT')).toHaveLength(2);
  });

  it('[DISPATCH][TIMEOUT]: the deadline also covers a plugin that sends headers and then stalls', async () => {
    const tenant = newTenantId();
    const stalling = await pluginAnswering(tenant, 'stalling', (_call, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"partial":');
    });
    const started = performance.now();

    const response = await dispatch(tenant, { events: [stalling.event] }, shortDeadline);

    expect(performance.now() - started).toBeLessThan(5000);
    expect(response.results[0]).toMatchObject({ success: false, error_code: 'TIMEOUT' });
  });
});
