import { setTimeout as sleep } from 'node:timers/promises';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  type PluginRoute,
  pluginServerForTest,
  respondJson,
  sendJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import type { RegistryDeps } from '../registry-deps';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });
const narrow = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000', DISPATCH_CONCURRENCY: '3' });

const dispatch = (tenantId: string, body: unknown, using: RegistryDeps = deps) =>
  dispatchBody(using, tenantId, body);

describe('dispatchEvents: what succeeds', () => {
  it('[DISPATCH][PLUGIN]: POSTs the payload as JSON to api_endpoint + endpoint, with the automation headers', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/base/actions/send-welcome-email': echo });
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'email-automation',
      apiEndpoint: `${server.url}/base/`,
      actions: [actionDefinition('send_welcome_email', { required_fields: ['user_id', 'email'] })],
    });
    const payload = { user_id: 'user_456', email: 'customer@example.com', first_name: 'John' };

    const response = await dispatch(tenant, {
      flow_execution_id: 'flow_123',
      events: [{ action_type: 'send_welcome_email', plugin_id: plugin.id, payload }],
    });

    expect(response.results).toEqual([
      expect.objectContaining({
        index: 0,
        success: true,
        action_type: 'send_welcome_email',
        plugin_id: plugin.id,
        plugin_slug: 'email-automation',
        result: { ok: true, received: payload },
      }),
    ]);
    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call).toMatchObject({
      method: 'POST',
      path: '/base/actions/send-welcome-email',
      body: payload,
    });
    expect(call?.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'BCS-Automation/1.0',
      'x-flow-execution-id': 'flow_123',
    });
  });

  it('[DISPATCH][PLATFORM]: a platform action runs without plugin_id and does its work', async () => {
    const tenant = newTenantId();
    const response = await dispatch(tenant, {
      flow_execution_id: 'test_platform',
      events: [{ action_type: 'create_product', payload: { name: 'Test Product', price: 19.99 } }],
    });

    const [result] = response.results;
    expect(result).toMatchObject({ success: true, action_type: 'create_product' });
    expect(result).not.toHaveProperty('plugin_id');
    const products = await deps.db.product.findMany({ where: { tenantId: tenant } });
    expect(products.map((p) => [p.name, p.price.toNumber()])).toEqual([['Test Product', 19.99]]);
    expect(response.summary).toMatchObject({ total: 1, successful: 1, failed: 0 });
  });

  it('[DISPATCH][BATCH]: a mixed batch reports every event and sums them up', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({
      '/actions/track-event': respondJson(200, { tracked: true }),
    });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('track_event')],
    });

    const response = await dispatch(tenant, {
      events: [
        { action_type: 'create_customer', payload: { email: 'mixed@test.com', first_name: 'M' } },
        { action_type: 'track_event', plugin_id: plugin.id, payload: { name: 'signup' } },
        { action_type: 'no_such_action', payload: {} },
      ],
    });

    expect(response.results.map((r) => [r.index, r.action_type, r.success])).toEqual([
      [0, 'create_customer', true],
      [1, 'track_event', true],
      [2, 'no_such_action', false],
    ]);
    expect(response.results[1]).toMatchObject({ result: { tracked: true } });
    expect(response.summary).toMatchObject({ total: 3, successful: 2, failed: 1 });
    expect(response.summary.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('[DISPATCH][BATCH]: results follow input order even when the first event finishes last', async () => {
    const tenant = newTenantId();
    const answered: string[] = [];
    const answer =
      (name: string, delayMs: number): PluginRoute =>
      async (_call, response) => {
        await sleep(delayMs);
        answered.push(name);
        sendJson(response, 200, { name });
      };
    const server = await pluginServerForTest({
      '/actions/slow': answer('slow', 300),
      '/actions/fast': answer('fast', 0),
    });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('slow'), actionDefinition('fast')],
    });

    const response = await dispatch(tenant, {
      events: [
        { action_type: 'slow', plugin_id: plugin.id },
        { action_type: 'fast', plugin_id: plugin.id },
      ],
    });

    expect(answered).toEqual(['fast', 'slow']);
    expect(response.results.map((r) => [r.index, r.success && r.result])).toEqual([
      [0, { name: 'slow' }],
      [1, { name: 'fast' }],
    ]);
  });

  it('[DISPATCH][CONCURRENCY]: never has more events in flight than the dispatch concurrency', async () => {
    const tenant = newTenantId();
    let inFlight = 0;
    let mostInFlight = 0;
    const server = await pluginServerForTest({
      '/actions/hold': async (call, response) => {
        inFlight += 1;
        mostInFlight = Math.max(mostInFlight, inFlight);
        await sleep(100);
        inFlight -= 1;
        sendJson(response, 200, { n: (call.body as { n: number }).n });
      },
    });
    const plugin = await insertPlugin(narrow.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('hold')],
    });
    const events = Array.from({ length: 10 }, (_, n) => ({
      action_type: 'hold',
      plugin_id: plugin.id,
      payload: { n },
    }));

    const response = await dispatch(tenant, { events }, narrow);

    expect(server.calls).toHaveLength(10);
    expect(mostInFlight).toBeGreaterThan(1);
    expect(mostInFlight).toBeLessThanOrEqual(3);
    expect(response.results.map((r) => r.success && r.result)).toEqual(
      events.map((event) => ({ n: event.payload.n })),
    );
    expect(response.summary).toMatchObject({ total: 10, successful: 10, failed: 0 });
  });
});
