import type { DispatchResponse, Execution, Plugin } from '@registry/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  dispatchAsync,
  flowExecutions,
  waitForEmptyBacklog,
  webhookIds,
} from '../support/flow-executions';
import {
  LOGGED_ACTION,
  type LoggingPlugin,
  loggedEvents,
  startLoggingPlugin,
} from '../support/logging-plugin';
import {
  type AppServer,
  type ProductProcess,
  startAppServer,
  startWorker,
} from '../support/processes';
import { productApi } from '../support/product-api';
import { type RunningProduct, startProduct } from '../support/running-product';
import { waitUntil } from '../support/wait-until';

const SETTINGS = {
  PLUGIN_RETRY_SCHEDULE: '0s,1s,2s',
  PLUGIN_CIRCUIT_THRESHOLD: '3',
  PLUGIN_CIRCUIT_COOLDOWN_MS: '120000',
  LOG_LEVEL: 'warn',
};

/**
 * Two app processes, each with its own delivery worker as `pnpm start` runs it, and two
 * `pnpm worker`s: four processes take jobs from one queue, as several machines on one PostgreSQL do.
 * The app processes keep their workers because that is the default, and because four competing
 * deliverers (two woken in-process, two by NOTIFY) are the harder case for exactly-once.
 */
let sink: LoggingPlugin;
let failing: LoggingPlugin;
let first: RunningProduct;
let second: AppServer;
const workers: ProductProcess[] = [];
beforeAll(async () => {
  sink = await startLoggingPlugin();
  failing = await startLoggingPlugin({ status: () => 503 });
  const allowed = `${sink.address},${failing.address}`;
  first = await startProduct({ allowedAddresses: allowed, env: SETTINGS });
  const env = { ...SETTINGS, PLUGIN_ALLOWED_ADDRESSES: allowed };
  // All settled, so that afterAll stops every one that did start, whichever failed.
  const starts = await Promise.allSettled([
    startAppServer('app 2', first.databaseUrl, env).then((app) => {
      second = app;
    }),
    ...['worker 1', 'worker 2'].map((name) =>
      startWorker(name, first.databaseUrl, env).then((worker) => workers.push(worker)),
    ),
  ]);
  for (const start of starts) if (start.status === 'rejected') throw start.reason;
}, 180_000);
afterAll(async () => {
  await Promise.all([second?.process.stop(), ...workers.map((worker) => worker.stop())]);
  await first?.stop();
  await Promise.all([sink?.close(), failing?.close()]);
});

const automation = (baseUrl: string, events: object[]) =>
  productApi<DispatchResponse>(baseUrl, 'POST', '/api/plugins/events/automation', { events });

describe('two app processes and two workers on one database', () => {
  it('[DELIVERY][SCALE-OUT]: 5,000 events sent through both apps reach a deduplicating plugin once each', async () => {
    const EVENTS = 5_000;
    const FLOW = 'scale-out';
    const { id, slug } = await sink.register(first.baseUrl, {
      slug: 'dedup-sink',
      delivery: { max_in_flight: 100 },
    });
    const events = loggedEvents(id, FLOW, EVENTS);
    const accepted = await dispatchAsync([first.baseUrl, second.baseUrl], FLOW, events);
    expect(accepted.filter((result) => result.status === 'queued')).toHaveLength(EVENTS);

    await waitForEmptyBacklog(second.baseUrl, slug, 150_000);
    const executions = await flowExecutions(first.baseUrl, FLOW);
    expect(executions).toHaveLength(EVENTS);
    const unlike = (e: Execution) => e.status !== 'succeeded' || e.attempts.length !== 1;
    expect(executions.filter(unlike).map((e) => [e.status, e.attempts.length])).toEqual([]);
    expect(webhookIds(executions).filter((key) => !sink.log.received.has(key))).toEqual([]);
    expect(sink.log.received.size).toBe(EVENTS);
    expect(sink.log.duplicates()).toEqual([]);
  }, 240_000);

  it("[DELIVERY][CIRCUIT]: a circuit opened through one app process holds back the other processes' calls", async () => {
    const { id, slug } = await failing.register(first.baseUrl, { slug: 'down-for-good' });
    const event = { action_type: LOGGED_ACTION, plugin_id: id, payload: {} };

    // Three attempts (0s, 1s, 2s), three 503s: the circuit opens at the threshold.
    const opened = await automation(first.baseUrl, [event]);
    expect(opened.results[0]).toMatchObject({ success: false, attempts: 3 });
    expect(failing.log.received.size).toBe(1);
    const calls = () => [...failing.log.received.values()].reduce((sum, n) => sum + n, 0);
    expect(calls()).toBe(3);

    const { plugin } = await productApi<{ plugin: Plugin }>(
      second.baseUrl,
      'GET',
      `/api/plugins/${slug}`,
    );
    expect(plugin.circuit).toMatchObject({ state: 'open', consecutive_failures: 3 });

    const refused = await automation(second.baseUrl, [{ ...event, payload: { n: 1 } }]);
    expect(refused.results[0]).toMatchObject({
      success: false,
      error_code: 'CIRCUIT_OPEN',
      attempts: 0,
    });
    // Queued behind the circuit, an async event waits for the workers' next look, uncalled.
    const [queued] = await dispatchAsync([second.baseUrl], 'circuit-async', [
      { ...event, payload: { n: 2 } },
    ]);
    let held: Execution | undefined;
    const heldBack = async () => {
      const path = `/api/executions/${queued?.execution_id}`;
      held = await productApi<Execution>(second.baseUrl, 'GET', path);
      return held.error_code === 'CIRCUIT_OPEN';
    };
    await waitUntil(heldBack, 20_000, 'a worker to hold the async event back');
    expect(held).toMatchObject({ status: 'queued', attempts: [] });
    expect(calls()).toBe(3);
  });
});
