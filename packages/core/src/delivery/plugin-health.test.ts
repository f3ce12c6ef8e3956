import { ZDispatchRequestSchema } from '@registry/contracts';
import { insertWebhookLogPlugin, newTenantId, webhookLog } from '@registry/testing';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { isolatedRegistry } from '../../test/support/isolated-registry';
import { dispatchEvents } from '../dispatch/dispatch-events';
import { enqueueEvents } from '../dispatch/enqueue-events';
import { parseInput } from '../errors/app-error';
import { listExecutions } from '../executions/execution-queries';
import { getPlugin, setPluginStatus } from '../plugins/plugin-queries';
import type { RegistryDeps } from '../registry-deps';
import { startDeliveryWorker } from './delivery-worker';

const isolated = isolatedRegistry({
  PLUGIN_RETRY_SCHEDULE: '0s',
  PLUGIN_CIRCUIT_THRESHOLD: '3',
  PLUGIN_CIRCUIT_COOLDOWN_MS: '60000',
});
/** Two registry instances on one database, as two processes are. */
let first: RegistryDeps;
let second: RegistryDeps;
beforeAll(() => {
  first = isolated.registry();
  second = isolated.registry();
});

const request = (body: unknown) => parseInput(ZDispatchRequestSchema, body);

describe('plugin health, shared by every process', () => {
  it("[DELIVERY][CIRCUIT]: a circuit one process opened holds the other process's events back too", async () => {
    const tenant = newTenantId();
    const log = webhookLog({ status: () => 503 });
    const plugin = await insertWebhookLogPlugin(first.db, tenant, log);
    const event = { action_type: 'act', plugin_id: plugin.id };
    for (let n = 0; n < 3; n++) await dispatchEvents(first, tenant, request({ events: [event] }));
    expect(log.received.size).toBe(3);

    const answer = await dispatchEvents(second, tenant, request({ events: [event] }));
    expect(answer.results[0]).toMatchObject({
      success: false,
      error_code: 'CIRCUIT_OPEN',
      status: 'queued',
      attempts: 0,
    });
    expect(log.received.size).toBe(3);
    expect((await getPlugin(second, tenant, plugin.slug)).circuit).toMatchObject({
      state: 'open',
      consecutive_failures: 3,
    });
  });

  it('[DELIVERY][RATE]: max_per_second holds, across the queue, the deliveries past the limit for the next second', async () => {
    const tenant = newTenantId();
    const log = webhookLog();
    const plugin = await insertWebhookLogPlugin(first.db, tenant, log, { max_per_second: 5 });
    const worker = startDeliveryWorker(first, { pollMs: 20 });
    onTestFinished(() => worker.stop());
    const events = Array.from({ length: 15 }, (_, n) => ({
      action_type: 'act',
      plugin_id: plugin.id,
      payload: { n },
    }));
    await enqueueEvents(second, tenant, request({ events }));
    let calls: string[] = [];
    while (calls.length < 15) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const { items } = await listExecutions(second, tenant, { limit: 100 });
      // When each call started, as the ledger records it (a refused slot makes no attempt).
      calls = items.flatMap((item) => item.attempts.map((attempt) => attempt.started_at));
    }
    expect(log.effects.size).toBe(15);
    const perSecond = new Map<number, number>();
    for (const at of calls) {
      const bucket = Math.floor(Date.parse(at) / 1000);
      perSecond.set(bucket, (perSecond.get(bucket) ?? 0) + 1);
    }
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(5);
    expect(perSecond.size).toBeGreaterThanOrEqual(3);
  });

  it('[DELIVERY][DISABLE]: a plugin failing longer than PLUGIN_AUTO_DISABLE_AFTER is disabled; its events wait, then go', async () => {
    const deps = isolated.registry({
      PLUGIN_AUTO_DISABLE_AFTER: '1s',
      PLUGIN_RETRY_SCHEDULE: '0s,600ms,600ms,600ms',
    });
    const tenant = newTenantId();
    let healthy = false;
    const log = webhookLog({ status: () => (healthy ? 200 : 500) });
    const plugin = await insertWebhookLogPlugin(deps.db, tenant, log);
    // Its endpoint was proven when it was set up, as an active plugin's is.
    await deps.db.pluginEndpointVerification.create({
      data: { pluginId: plugin.id, apiEndpoint: plugin.apiEndpoint ?? '', verifiedAt: new Date() },
    });
    const worker = startDeliveryWorker(deps, { pollMs: 20 });
    onTestFinished(() => worker.stop());
    const answer = await enqueueEvents(
      deps,
      tenant,
      request({ events: [{ action_type: 'act', plugin_id: plugin.id }] }),
    );
    const id = answer.results[0]?.execution_id ?? '';
    let current = await getPlugin(deps, tenant, plugin.slug);
    while (current.status !== 'disabled') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      current = await getPlugin(deps, tenant, plugin.slug);
    }
    expect(current.status_reason).toMatch(
      /^Disabled automatically: every delivery has failed since .* \(PLUGIN_AUTO_DISABLE_AFTER/,
    );
    const waiting = await deps.db.actionExecution.findUniqueOrThrow({ where: { id } });
    // Waiting for the plugin, not dropped.
    expect(['retrying', 'queued', 'running']).toContain(waiting.status);

    healthy = true;
    // An operator activates it again once it works.
    await setPluginStatus(deps, tenant, plugin.slug, 'active');
    expect((await getPlugin(deps, tenant, plugin.slug)).status_reason).toBeNull();
    let row = waiting;
    while (row.status !== 'succeeded') {
      await new Promise((resolve) => setTimeout(resolve, 200));
      row = await deps.db.actionExecution.findUniqueOrThrow({ where: { id } });
    }
    expect(log.effects.size).toBe(1);
  }, 120_000);
});
