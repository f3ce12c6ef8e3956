import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  startPluginServer,
  webhookLog,
} from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedRegistry } from '../../test/support/isolated-registry';
import { enqueueEvents } from '../dispatch/enqueue-events';
import { parseInput } from '../errors/app-error';
import type { RegistryDeps } from '../registry-deps';
import { type DeliveryWorker, startDeliveryWorker } from './delivery-worker';

const OUTAGE_MS = 20_000;
const EVENTS = 50;
// Longer than the outage in all: every event outlives it.
const isolated = isolatedRegistry({
  PLUGIN_RETRY_SCHEDULE: '0s,2s,5s,10s,20s',
  PLUGIN_CIRCUIT_COOLDOWN_MS: '5000',
});
let deps: RegistryDeps;
let worker: DeliveryWorker;
beforeAll(() => {
  deps = isolated.registry();
  worker = startDeliveryWorker(deps, { pollMs: 100 });
});
afterAll(() => worker.stop());

describe('a plugin outage', () => {
  it('[DELIVERY][OUTAGE]: a plugin down for 20 s loses nothing: every event succeeds, every attempt recorded', async () => {
    const tenant = newTenantId();
    const downUntil = Date.now() + OUTAGE_MS;
    const log = webhookLog({ status: () => (Date.now() < downUntil ? 503 : 200) });
    const server = await startPluginServer({ '/actions/act': log.route });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('act')],
      // The breaker would hold events back for its cool-down too; this test is about retries.
      delivery: { max_in_flight: 50 },
    });
    const events = Array.from({ length: EVENTS }, (_, n) => ({
      action_type: 'act',
      plugin_id: plugin.id,
      payload: { n },
    }));
    await enqueueEvents(
      deps,
      tenant,
      parseInput(ZDispatchRequestSchema, { flow_execution_id: 'outage', events }),
    );

    let rows = await deps.db.actionExecution.findMany({ where: { tenantId: tenant } });
    while (rows.some((row) => !['succeeded', 'failed', 'dead'].includes(row.status))) {
      if (Date.now() > downUntil + 40_000) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
      rows = await deps.db.actionExecution.findMany({ where: { tenantId: tenant } });
    }
    await server.close();

    expect(rows.map((row) => row.status)).toEqual(Array(EVENTS).fill('succeeded'));
    expect(log.effects.size).toBe(EVENTS);
    const attempts = rows.map(
      (row) => row.attempts as Array<{ reason: string | null; started_at: string }>,
    );
    for (const list of attempts) {
      // Failed while the plugin was down, then one success after it came back.
      expect(list.at(-1)?.reason).toBeNull();
      expect(
        list
          .slice(0, -1)
          .every((attempt) => attempt.reason === 'HTTP_5XX' || attempt.reason === 'CIRCUIT_OPEN'),
      ).toBe(true);
      expect(Date.parse(list.at(-1)?.started_at ?? '')).toBeGreaterThanOrEqual(downUntil - 50);
    }
    const total = attempts.reduce((sum, list) => sum + list.length, 0);
    console.log(
      `[outage] ${EVENTS} events through a ${OUTAGE_MS / 1000} s outage: ${EVENTS} succeeded, ${total} attempts recorded, 0 lost`,
    );
  }, 90_000);
});
