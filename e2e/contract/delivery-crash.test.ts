import type { DispatchResponse } from '@registry/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatchAsync,
  flowExecutions,
  waitForEmptyBacklog,
  webhookIds,
} from '../support/flow-executions';
import { type LoggingPlugin, loggedEvents, startLoggingPlugin } from '../support/logging-plugin';
import { type ProductProcess, startWorker } from '../support/processes';
import { productApi } from '../support/product-api';
import {
  createProductDatabase,
  type ProductDatabase,
  type RunningProduct,
  startProduct,
} from '../support/running-product';
import { waitUntil } from '../support/wait-until';

/** A short schedule, as an operator testing failover would set it; logs kept to warnings. */
const SETTINGS = { PLUGIN_RETRY_SCHEDULE: '0s,1s,2s', LOG_LEVEL: 'warn' };

const notSucceeded = (executions: { status: string; error_code: string | null }[]) =>
  executions.filter((e) => e.status !== 'succeeded').map((e) => [e.status, e.error_code]);

describe('a worker killed with kill -9 mid-delivery', () => {
  const EVENTS = 2_000;
  const FLOW = 'worker-crash';
  let plugin: LoggingPlugin;
  let product: RunningProduct;
  const workers: ProductProcess[] = [];
  beforeAll(async () => {
    plugin = await startLoggingPlugin({ delayMs: 200 });
    // No worker in the app: only the worker this test kills delivers, then its replacement.
    product = await startProduct({
      allowedAddresses: plugin.address,
      env: { ...SETTINGS, REGISTRY_WORKER: 'off' },
    });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    await product?.stop();
    await plugin?.close();
  });

  it('[DELIVERY][CRASH]: 2,000 async events all succeed after a new worker starts; only those in flight at the kill arrive twice', async () => {
    const { id, slug } = await plugin.register(product.baseUrl, {
      slug: 'slow-ledger',
      delivery: { max_in_flight: 50 },
    });
    const workerEnv = { ...SETTINGS, PLUGIN_ALLOWED_ADDRESSES: plugin.address };
    const first = await startWorker('worker 1', product.databaseUrl, workerEnv);
    workers.push(first);
    const accepted = await dispatchAsync([product.baseUrl], FLOW, loggedEvents(id, FLOW, EVENTS));
    expect(accepted.filter((result) => result.status === 'queued')).toHaveLength(EVENTS);

    await waitUntil(() => plugin.log.received.size >= EVENTS / 4, 30_000, 'a quarter delivered');
    // Taken in the same tick as the signal: the plugin cannot answer in between.
    const inFlightAtKill = new Set(plugin.log.inFlight);
    const receivedAtKill = plugin.log.received.size;
    await first.kill();
    // Nothing delivers now (the app runs no worker): rows the dead worker held are as it left them.
    const runningAtKill = new Set(
      webhookIds(await flowExecutions(product.baseUrl, FLOW, 'running')),
    );
    expect(receivedAtKill).toBeLessThan(EVENTS);
    expect(inFlightAtKill.size).toBeGreaterThan(0);
    expect([...inFlightAtKill].filter((key) => !runningAtKill.has(key))).toEqual([]);

    workers.push(await startWorker('worker 2', product.databaseUrl, workerEnv));
    await waitForEmptyBacklog(product.baseUrl, slug, 90_000);

    const executions = await flowExecutions(product.baseUrl, FLOW);
    expect(executions).toHaveLength(EVENTS);
    expect(notSucceeded(executions)).toEqual([]);
    const keys = webhookIds(executions);
    expect(keys.filter((key) => !plugin.log.received.has(key))).toEqual([]);
    expect(plugin.log.received.size).toBe(EVENTS);
    const duplicates = plugin.log.duplicates();
    expect(duplicates.filter((key) => !runningAtKill.has(key))).toEqual([]);
    // The calls the kill cut off were made again, with the same webhook-id.
    expect([...inFlightAtKill].filter((key) => !duplicates.includes(key))).toEqual([]);
  }, 180_000);
});

describe('the server killed with kill -9 mid-sync-batch', () => {
  const EVENTS = 20;
  const FLOW = 'server-crash';
  let plugin: LoggingPlugin;
  let database: ProductDatabase;
  let product: RunningProduct | undefined;
  const start = () => startProduct({ allowedAddresses: plugin.address, env: SETTINGS, database });
  beforeAll(async () => {
    plugin = await startLoggingPlugin({ delayMs: 3_000 });
    database = await createProductDatabase();
    product = await start();
  });
  afterAll(async () => {
    await product?.stop();
    await database?.remove();
    await plugin?.close();
  });

  it('[DELIVERY][CRASH]: after a restart the batch completes in the background and its replay answers the outcomes', async () => {
    const running = product as RunningProduct;
    const { id, slug } = await plugin.register(running.baseUrl, {
      slug: 'slow-sync',
      delivery: { max_in_flight: EVENTS },
    });
    const body = { flow_execution_id: FLOW, events: loggedEvents(id, FLOW, EVENTS) };
    const cutOff = productApi(running.baseUrl, 'POST', '/api/plugins/events/automation', body).then(
      () => 'answered',
      () => 'no answer',
    );
    await waitUntil(() => plugin.log.received.size >= EVENTS / 2, 30_000, 'half the batch sent');
    const inFlightAtKill = new Set(plugin.log.inFlight);
    const answeredAtKill = plugin.log.effects.size;
    await running.kill();
    product = undefined;
    expect(await cutOff).toBe('no answer');
    expect(answeredAtKill).toBe(0);
    // Calls the server made just before it died may reach the plugin just after.
    await new Promise((wait) => setTimeout(wait, 500));
    const sentByTheDeadServer = new Set(plugin.log.received.keys());

    product = await start();
    // At once, as the flow's own retry would: it waits for the events a worker now finishes.
    const replay = await productApi<DispatchResponse>(
      product.baseUrl,
      'POST',
      '/api/plugins/events/automation',
      body,
    );
    expect(replay.results.map((r) => [r.success, r.replayed, r.status])).toEqual(
      Array.from({ length: EVENTS }, () => [true, true, 'succeeded']),
    );

    await waitForEmptyBacklog(product.baseUrl, slug, 30_000);
    const executions = await flowExecutions(product.baseUrl, FLOW);
    expect(executions).toHaveLength(EVENTS);
    expect(notSucceeded(executions)).toEqual([]);
    expect(executions.filter((e) => e.attempts.length === 0)).toEqual([]);
    expect(executions.map((e) => e.id).sort()).toEqual(
      replay.results.map((r) => r.execution_id).sort(),
    );
    const keys = webhookIds(executions);
    expect(keys.filter((key) => !plugin.log.received.has(key))).toEqual([]);
    // Only calls the kill cut off were made twice, and each of those was made again.
    const duplicates = plugin.log.duplicates();
    expect(duplicates.filter((key) => !sentByTheDeadServer.has(key))).toEqual([]);
    expect([...inFlightAtKill].filter((key) => !duplicates.includes(key))).toEqual([]);
  }, 180_000);
});
