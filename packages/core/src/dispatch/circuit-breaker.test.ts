import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  sendJson,
  startPluginServer,
  testEnv,
} from '@registry/testing';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRegistryDeps } from '../create-registry-deps';
import { parseInput } from '../errors/app-error';
import { automationHealth } from '../health/automation-health';
import { getPlugin } from '../plugins/plugin-queries';
import { dispatchEvents } from './dispatch-events';

const COOL_DOWN_MS = 300;
const deps = createRegistryDeps(
  testEnv({
    PLUGIN_RETRY_SCHEDULE: '0s',
    PLUGIN_CIRCUIT_THRESHOLD: '5',
    PLUGIN_CIRCUIT_COOLDOWN_MS: String(COOL_DOWN_MS),
  }),
);
afterAll(() => deps.close());

describe('circuit breaker per plugin', () => {
  it('[DISPATCH][CIRCUIT]: opens after 5 failed events, fails fast, then one trial call closes it', async () => {
    const tenant = newTenantId();
    let healthy = false;
    const server = await startPluginServer({
      '/actions/act': (_call, response) =>
        healthy ? sendJson(response, 200, { ok: true }) : sendJson(response, 503, {}),
    });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'flaky',
      apiEndpoint: server.url,
      actions: [actionDefinition('act')],
    });
    const send = async (count: number) => {
      const events = Array.from({ length: count }, () => ({
        action_type: 'act',
        plugin_id: plugin.id,
      }));
      const { results } = await dispatchEvents(
        deps,
        tenant,
        parseInput(ZDispatchRequestSchema, { events }),
      );
      return results.map((result) => (result.success ? 'ok' : result.error_code));
    };

    // One at a time, so each failure is counted before the next event starts.
    for (let n = 0; n < 5; n++) expect(await send(1)).toEqual(['HTTP_5XX']);
    expect(server.calls).toHaveLength(5);
    expect(await send(3)).toEqual(['CIRCUIT_OPEN', 'CIRCUIT_OPEN', 'CIRCUIT_OPEN']);
    expect(server.calls).toHaveLength(5);
    expect((await getPlugin(deps, tenant, 'flaky')).circuit).toMatchObject({
      state: 'open',
      consecutive_failures: 5,
      half_open_at: expect.any(String),
    });
    expect((await automationHealth(deps, tenant)).plugin_circuits).toEqual([
      expect.objectContaining({ plugin_id: plugin.id, plugin_slug: 'flaky', state: 'open' }),
    ]);

    await new Promise((resolve) => setTimeout(resolve, COOL_DOWN_MS + 50));
    healthy = true;
    expect(await send(1)).toEqual(['ok']);
    expect((await getPlugin(deps, tenant, 'flaky')).circuit).toMatchObject({
      state: 'closed',
      consecutive_failures: 0,
      opened_at: null,
    });
    expect(await send(2)).toEqual(['ok', 'ok']);
    const metrics = await deps.metrics.registry.metrics();
    expect(metrics).toContain('registry_plugin_circuit_state{plugin="flaky"} 0');
    expect(metrics).toMatch(
      /registry_dispatched_events_total\{action_type="act",plugin="flaky",outcome="CIRCUIT_OPEN"\} 3/,
    );
  });

  it('[DISPATCH][CIRCUIT]: answers that show the plugin is up (4xx) never open it', async () => {
    const tenant = newTenantId();
    const server = await startPluginServer({
      '/actions/act': (_call, response) => sendJson(response, 422, { error: 'bad input' }),
    });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('act')],
    });
    const events = Array.from({ length: 8 }, () => ({ action_type: 'act', plugin_id: plugin.id }));
    for (const event of events) {
      await dispatchEvents(deps, tenant, parseInput(ZDispatchRequestSchema, { events: [event] }));
    }
    expect(server.calls).toHaveLength(8);
    expect((await getPlugin(deps, tenant, plugin.slug)).circuit).toMatchObject({
      state: 'closed',
      consecutive_failures: 0,
    });
  });
});
