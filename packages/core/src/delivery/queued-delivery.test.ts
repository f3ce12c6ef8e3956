import { setTimeout as sleep } from 'node:timers/promises';
import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  insertPlugin,
  insertWebhookLogPlugin,
  newTenantId,
  pluginServerForTest,
  respondJson,
  webhookLog,
} from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedRegistry } from '../../test/support/isolated-registry';
import { discoverActions } from '../actions/discover-actions';
import { dispatchEvents } from '../dispatch/dispatch-events';
import { enqueueEvents } from '../dispatch/enqueue-events';
import { parseInput } from '../errors/app-error';
import { getExecution, listExecutions } from '../executions/execution-queries';
import { recoverPluginEvents, redeliverExecution } from '../executions/redeliver';
import type { RegistryDeps } from '../registry-deps';
import { type DeliveryWorker, startDeliveryWorker } from './delivery-worker';

// The circuit threshold stays above any one test's failures in a row: five (as in the health
// test) would open the plugin's circuit and hold its last retry for the 30 s cooldown.
const isolated = isolatedRegistry({
  PLUGIN_RETRY_SCHEDULE: '0s,300ms,300ms',
  PLUGIN_CIRCUIT_THRESHOLD: '20',
});
let deps: RegistryDeps;
/** Answers sync requests within a second: the worker (another "process") finishes for them. */
let quickToAnswer: RegistryDeps;
let worker: DeliveryWorker;
beforeAll(() => {
  deps = isolated.registry();
  quickToAnswer = isolated.registry({ PLUGIN_EVENT_DEADLINE_MS: '1000' });
  worker = startDeliveryWorker(deps, { pollMs: 50 });
});
afterAll(() => worker.stop());

const request = (body: unknown) => parseInput(ZDispatchRequestSchema, body);
/** Queues one flow's events for the worker, as an async dispatch request does. */
const enqueue = (tenant: string, flow_execution_id: string, events: unknown[]) =>
  enqueueEvents(deps, tenant, request({ flow_execution_id, events }));

/** Waits until every execution of the flow is over (or `ms` pass); returns them. */
async function settled(tenant: string, flow: string, ms = 10_000) {
  const until = Date.now() + ms;
  for (;;) {
    const { items } = await listExecutions(deps, tenant, { flow_execution_id: flow, limit: 200 });
    const over = items.every((e) => ['succeeded', 'failed', 'dead'].includes(e.status));
    if (over || Date.now() > until) return items.sort((a, b) => a.event_index - b.event_index);
    await sleep(50);
  }
}

describe('queued delivery: async events reach their plugin through the worker', () => {
  it('[DELIVERY][OUTPUT]: the worker records an answer that breaks output_schema as a succeeded mismatch', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/act': respondJson(200, { n: 'one' }) });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [
        {
          ...actionDefinition('act'),
          output_schema: { type: 'object', properties: { n: { type: 'number' } } },
        },
      ],
    });

    await enqueue(tenant, 'async-output', [{ action_type: 'act', plugin_id: plugin.id }]);

    const [row] = await settled(tenant, 'async-output');
    expect(row).toMatchObject({
      status: 'succeeded',
      mode: 'async',
      source: 'api',
      result: { n: 'one' },
      output_mismatch: [{ field: 'result.n', message: 'expected number, received "one"' }],
    });
  });

  it('[DELIVERY][ASYNC]: answers at once with queued and refused events; the worker delivers the rest', async () => {
    const tenant = newTenantId();
    const log = webhookLog({ delayMs: 50 });
    const plugin = await insertWebhookLogPlugin(deps.db, tenant, log);
    const started = performance.now();
    const answer = await enqueue(tenant, 'async-1', [
      { action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } },
      { action_type: 'create_task', payload: { title: 'Queued task' } },
      { action_type: 'no_such_action', payload: {} },
      { action_type: 'create_task', payload: {} },
    ]);
    const answeredMs = performance.now() - started;
    expect(answer.results.map((r) => [r.status, r.error_code ?? null])).toEqual([
      ['queued', null],
      ['queued', null],
      ['failed', 'ACTION_NOT_FOUND'],
      ['failed', 'INVALID_PAYLOAD'],
    ]);
    expect(answer.summary).toEqual({ total: 4, queued: 2, failed: 2, succeeded: 0 });
    // The plugin takes 50 ms; the answer did not wait for it.
    expect(log.received.size).toBe(0);
    expect(answeredMs).toBeLessThan(5_000);

    const rows = await settled(tenant, 'async-1');
    expect(rows.map((row) => [row.status, row.mode, row.attempts.length])).toEqual([
      ['succeeded', 'async', 1],
      ['succeeded', 'async', 0],
      ['failed', 'async', 0],
      ['failed', 'async', 0],
    ]);
    expect(rows[0]?.result).toEqual({ ok: true, duplicate: false });
    expect(rows[1]?.result).toMatchObject({ title: 'Queued task' });
    expect([...log.received.keys()]).toEqual([rows[0]?.idempotency_key]);

    const replay = await enqueue(tenant, 'async-1', [
      { action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } },
    ]);
    expect(replay.results[0]).toMatchObject({
      status: 'succeeded',
      replayed: true,
      execution_id: rows[0]?.id,
    });
    expect(log.received.size).toBe(1);
  });

  it('[DELIVERY][RETRY]: a failing plugin is retried on the schedule by the queue, then succeeds', async () => {
    const tenant = newTenantId();
    let calls = 0;
    const log = webhookLog({ status: () => (++calls < 3 ? 503 : 200) });
    const plugin = await insertWebhookLogPlugin(deps.db, tenant, log);
    await enqueue(tenant, 'retry-1', [{ action_type: 'act', plugin_id: plugin.id }]);
    const [row] = await settled(tenant, 'retry-1');
    expect(row?.status).toBe('succeeded');
    expect(row?.attempts.map((a) => [a.number, a.reason, a.http_status])).toEqual([
      [1, 'HTTP_5XX', 503],
      [2, 'HTTP_5XX', 503],
      [3, null, 200],
    ]);
    // 300 ms ± 10 % between attempts, and the same webhook-id each time.
    const [first, second] = (row?.attempts ?? []).map((a) => Date.parse(a.started_at));
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(260);
    expect([...log.received]).toEqual([[row?.idempotency_key, 3]]);
  });

  it('[DELIVERY][DEAD]: out of attempts the event is dead; redelivered it succeeds with the same webhook-id', async () => {
    const tenant = newTenantId();
    let healthy = false;
    const log = webhookLog({ status: () => (healthy ? 200 : 500) });
    const plugin = await insertWebhookLogPlugin(deps.db, tenant, log);
    await enqueue(tenant, 'dead-1', [{ action_type: 'act', plugin_id: plugin.id }]);
    const [dead] = await settled(tenant, 'dead-1');
    expect(dead).toMatchObject({ status: 'dead', error_code: 'HTTP_5XX' });
    expect(dead?.attempts).toHaveLength(3);

    healthy = true;
    const redelivered = await redeliverExecution(deps, tenant, dead?.id ?? '');
    // Back on the queue; a worker may have taken it already.
    expect(['queued', 'running', 'succeeded']).toContain(redelivered.status);
    const [after] = await settled(tenant, 'dead-1');
    expect(after?.status).toBe('succeeded');
    expect(after?.attempts.map((a) => a.number)).toEqual([1, 2, 3, 4]);
    expect([...log.received]).toEqual([[dead?.idempotency_key, 4]]);
    await expect(redeliverExecution(deps, tenant, dead?.id ?? '')).rejects.toThrow(
      /is succeeded: only failed or dead events can be redelivered/,
    );
  });

  it("[DELIVERY][RECOVER]: a plugin's dead and failed events since a time go out again; refusals stay", async () => {
    const tenant = newTenantId();
    let status = 410;
    const log = webhookLog({ status: () => status });
    const plugin = await insertWebhookLogPlugin(deps.db, tenant, log);
    await enqueue(tenant, 'recover-1', [
      { action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } },
      { action_type: 'act', plugin_id: plugin.id, payload: { n: 2 } },
      { action_type: 'missing_here', plugin_id: plugin.id },
    ]);
    const before = await settled(tenant, 'recover-1');
    expect(before.map((e) => [e.status, e.error_code])).toEqual([
      ['failed', 'HTTP_4XX'],
      ['failed', 'HTTP_4XX'],
      ['failed', 'ACTION_NOT_FOUND'],
    ]);
    status = 200;
    const since = new Date(Date.now() - 60_000);
    const recovered = await recoverPluginEvents(deps, tenant, plugin.slug, since);
    expect(recovered).toMatchObject({ plugin_slug: plugin.slug, recovered: 2 });
    const after = await settled(tenant, 'recover-1');
    expect(after.map((e) => e.status)).toEqual(['succeeded', 'succeeded', 'failed']);
    const none = await recoverPluginEvents(
      deps,
      tenant,
      plugin.slug,
      new Date(Date.now() + 60_000),
    );
    expect(none.recovered).toBe(0);
  });

  it('[DELIVERY][SYNC]: a sync event still failing at the deadline is answered retrying; the queue finishes it', async () => {
    const tenant = newTenantId();
    let calls = 0;
    const log = webhookLog({ status: () => (++calls <= 2 ? 503 : 200) });
    const plugin = await insertWebhookLogPlugin(deps.db, tenant, log, {
      retry_schedule: '0s,2s,100ms',
    });
    const answer = await dispatchEvents(
      quickToAnswer,
      tenant,
      request({
        flow_execution_id: 'sync-retry',
        events: [{ action_type: 'act', plugin_id: plugin.id }],
      }),
    );
    // The plugin's own schedule waits 2 s before the second attempt: past a 1 s deadline.
    const [result] = answer.results;
    expect(result).toMatchObject({
      success: false,
      status: 'retrying',
      error_code: 'HTTP_5XX',
      attempts: 1,
    });
    expect(answer.summary).toMatchObject({ total: 1, successful: 0, failed: 1, retrying: 1 });
    const nextAt = Date.parse(result && !result.success ? (result.next_attempt_at ?? '') : '');
    expect(nextAt - Date.now()).toBeGreaterThan(500);
    const [row] = await settled(tenant, 'sync-retry', 20_000);
    expect(row).toMatchObject({ status: 'succeeded', mode: 'sync' });
    expect(row?.attempts).toHaveLength(3);
    expect((await getExecution(deps, tenant, row?.id ?? '')).next_attempt_at).toBeNull();
  }, 30_000);

  it('[DELIVERY][HEALTH]: a queued event counts once in its action health, when it is over', async () => {
    const tenant = newTenantId();
    let calls = 0;
    const server = await pluginServerForTest({
      // Fails twice, then succeeds: one event, three attempts.
      '/actions/act': (_call, response) =>
        respondJson(++calls <= 2 ? 503 : 200, {})(_call, response),
      '/actions/never': respondJson(503, { error: 'down' }),
    });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('act'), actionDefinition('never')],
    });
    await enqueue(tenant, 'health', [
      { action_type: 'act', plugin_id: plugin.id },
      { action_type: 'never', plugin_id: plugin.id },
    ]);
    const [act, never] = await settled(tenant, 'health', 30_000);

    const { actions } = await discoverActions(deps, tenant, { plugin: plugin.slug });
    expect([act?.attempts.length, never?.status]).toEqual([3, 'dead']);
    expect(actions.map(({ action_type, health }) => [action_type, health])).toEqual([
      ['act', expect.objectContaining({ calls: 1, success_rate: 1, last_error_code: null })],
      [
        'never',
        expect.objectContaining({
          calls: 1,
          success_rate: 0,
          last_error_code: never?.error_code,
          last_error_at: never?.completed_at,
        }),
      ],
    ]);
  });
});
