import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  startPluginServer,
  webhookLog,
} from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { isolatedRegistry } from '../../test/support/isolated-registry';
import { enqueueEvents } from '../dispatch/enqueue-events';
import { parseInput } from '../errors/app-error';
import type { RegistryDeps } from '../registry-deps';
import { type DeliveryWorker, startDeliveryWorker } from './delivery-worker';

const BACKLOG = 5_000;
const isolated = isolatedRegistry();
let deps: RegistryDeps;
let worker: DeliveryWorker;
beforeAll(() => {
  deps = isolated.registry();
  worker = startDeliveryWorker(deps, { concurrency: 50 });
});
afterAll(() => worker.stop(0));

describe('fair delivery between plugins', () => {
  it('[DELIVERY][FAIRNESS]: 5,000 queued events of a slow plugin do not delay another plugin past 1 s', async () => {
    const tenant = newTenantId();
    const slow = webhookLog({ delayMs: 1_000 });
    const quick = webhookLog();
    const server = await startPluginServer({ '/slow/act': slow.route, '/quick/act': quick.route });
    onTestFinished(() => server.close());
    const slowPlugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: `${server.url}/slow`,
      actions: [actionDefinition('act', { endpoint: '/act' })],
    });
    const quickPlugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: `${server.url}/quick`,
      actions: [actionDefinition('act', { endpoint: '/act' })],
    });
    for (let batch = 0; batch < BACKLOG / 1000; batch++) {
      const events = Array.from({ length: 1000 }, (_, n) => ({
        action_type: 'act',
        plugin_id: slowPlugin.id,
        payload: { n },
      }));
      await enqueueEvents(deps, tenant, parseInput(ZDispatchRequestSchema, { events }));
    }
    // The slow plugin's backlog is being worked on: its in-flight limit (10) is taken.
    while (slow.received.size < 10) await new Promise((resolve) => setTimeout(resolve, 50));

    const acceptedAt = Date.now();
    const answer = await enqueueEvents(
      deps,
      tenant,
      parseInput(ZDispatchRequestSchema, {
        events: [{ action_type: 'act', plugin_id: quickPlugin.id }],
      }),
    );
    while (quick.received.size === 0 && Date.now() - acceptedAt < 10_000) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const waitedMs = (quick.firstAt.values().next().value ?? Number.POSITIVE_INFINITY) - acceptedAt;
    const waiting = await deps.db.actionExecution.count({
      where: { tenantId: tenant, pluginId: slowPlugin.id, status: 'queued' },
    });
    console.log(
      `[fairness] ${BACKLOG} events of a 1 s plugin queued (${waiting} still waiting, ${slow.received.size} delivered or in flight); ` +
        `another plugin's event reached it ${waitedMs} ms after it was accepted`,
    );
    expect(answer.results[0]?.status).toBe('queued');
    expect(waiting).toBeGreaterThan(BACKLOG - 100);
    expect(waitedMs).toBeLessThan(1_000);
  }, 120_000);
});
