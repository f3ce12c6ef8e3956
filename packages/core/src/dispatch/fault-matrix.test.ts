import {
  type EventErrorCode,
  type ExecutionStatus,
  ZDispatchRequestSchema,
} from '@registry/contracts';
import {
  actionDefinition,
  chaosRoutes,
  insertPlugin,
  newTenantId,
  respondJson,
  startPluginServer,
  testEnv,
} from '@registry/testing';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRegistryDeps } from '../create-registry-deps';
import { parseInput } from '../errors/app-error';
import { parseAddressAllowList } from '../http/address-policy';
import { createPluginHttpClient } from '../http/plugin-http-client';
import { dispatchEvents } from './dispatch-events';

/**
 * Faults that stall get a short per-action `timeout_ms`; the rest keep the default, roomy
 * enough that a machine busy building the app (as CI's is, meanwhile) never turns a quick
 * answer into a TIMEOUT.
 */
const STALL_MS = 500;
const ATTEMPT_MS = 5000;
const EVENT_DEADLINE_MS = 8000;

/**
 * The one host name the matrix uses is under `.invalid`: it never resolves, and this resolver
 * answers so without asking DNS (servers are addressed by IP, which needs no resolving).
 */
const resolve = async (hostname: string) => {
  throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
};

const deps = createRegistryDeps(
  testEnv({
    PLUGIN_TIMEOUT_MS: String(ATTEMPT_MS),
    PLUGIN_EVENT_DEADLINE_MS: String(EVENT_DEADLINE_MS),
    // Three attempts, close together: what the queue would spread over hours, within the test.
    PLUGIN_RETRY_SCHEDULE: '0s,20ms,100ms',
  }),
  {
    pluginHttp: createPluginHttpClient({
      addressPolicy: parseAddressAllowList('127.0.0.1'),
      resolve,
    }),
  },
);
afterAll(() => deps.close());

interface Fault {
  name: string;
  /** The plugin's api_endpoint and the action's endpoint below it. */
  at: (servers: { chaos: string; closed: string }) => [string, string];
  code: EventErrorCode | 'ok';
  attempts: number;
  /**
   * Where the event stands after the request: `dead` (transient failures until out of
   * attempts), `failed` (a final answer), `retrying` (the next attempt is past the deadline).
   */
  status: ExecutionStatus;
  httpStatus?: number;
  /** The action's own `timeout_ms`. */
  timeoutMs?: number;
}

const route =
  (path: string) =>
  ({ chaos }: { chaos: string }) =>
    [chaos, path] as [string, string];

const FAULTS: Fault[] = [
  {
    name: 'hangs past the deadline',
    at: route('/hang'),
    code: 'TIMEOUT',
    attempts: 3,
    status: 'dead',
    timeoutMs: STALL_MS,
  },
  {
    name: 'slow headers',
    at: route('/slow-headers'),
    code: 'TIMEOUT',
    attempts: 3,
    status: 'dead',
    timeoutMs: STALL_MS,
  },
  {
    name: 'body dripping a byte every 50 ms, past the deadline in all',
    at: route('/drip'),
    code: 'TIMEOUT',
    attempts: 3,
    status: 'dead',
    timeoutMs: STALL_MS,
  },
  {
    name: '500',
    at: route('/500'),
    code: 'HTTP_5XX',
    attempts: 3,
    status: 'dead',
    httpStatus: 500,
  },
  {
    name: '503 then success',
    at: route('/503-then-ok'),
    code: 'ok',
    attempts: 2,
    status: 'succeeded',
  },
  {
    name: '429 with Retry-After: 1',
    at: route('/429-retry-after-1s'),
    code: 'ok',
    attempts: 2,
    status: 'succeeded',
  },
  {
    name: '429 with Retry-After past the deadline',
    at: route('/429-retry-after-2m'),
    code: 'HTTP_4XX',
    attempts: 1,
    status: 'retrying',
    httpStatus: 429,
  },
  {
    name: '410',
    at: route('/410'),
    code: 'HTTP_4XX',
    attempts: 1,
    status: 'failed',
    httpStatus: 410,
  },
  {
    name: 'redirect to another host',
    at: route('/redirect'),
    code: 'REDIRECT_BLOCKED',
    attempts: 1,
    status: 'failed',
    httpStatus: 302,
  },
  {
    name: 'connection reset mid-body',
    at: route('/reset-mid-body'),
    code: 'CONNECTION_RESET',
    attempts: 3,
    status: 'dead',
  },
  {
    name: 'connection refused',
    at: ({ closed }) => [closed, '/anything'],
    code: 'CONNECTION_REFUSED',
    attempts: 3,
    status: 'dead',
  },
  {
    name: 'invalid JSON',
    at: route('/invalid-json'),
    code: 'INVALID_JSON',
    attempts: 1,
    status: 'failed',
    httpStatus: 200,
  },
  { name: '5 MiB body', at: route('/5mib'), code: 'BODY_TOO_LARGE', attempts: 1, status: 'failed' },
  {
    name: 'unresolvable host',
    at: () => ['http://plugin.chaos.invalid:8080', '/act'],
    code: 'DNS',
    attempts: 3,
    status: 'dead',
  },
  {
    name: 'TLS with a plain HTTP server',
    at: ({ chaos }) => [chaos.replace('http:', 'https:'), '/ok'],
    code: 'TLS',
    attempts: 1,
    status: 'failed',
  },
];
const HEALTHY_EVENTS = 5;

describe('fault matrix: a chaos plugin answers every way it can go wrong', () => {
  it('[DISPATCH][FAULTS]: each fault gets its reason and attempts within deadlines; the rest of the batch succeeds', async () => {
    const tenant = newTenantId();
    const stolen = await startPluginServer({ '/steal': respondJson(200, { stolen: true }) });
    const chaos = await startPluginServer(
      chaosRoutes({ slowMs: 3 * STALL_MS, redirectTo: stolen.url }),
    );
    const closed = await startPluginServer({});
    await closed.close();
    onTestFinished(async () => {
      await chaos.close();
      await stolen.close();
    });
    const faultEvents = [];
    for (const [i, fault] of FAULTS.entries()) {
      const [apiEndpoint, endpoint] = fault.at({ chaos: chaos.url, closed: closed.url });
      const plugin = await insertPlugin(deps.db, tenant, {
        slug: `fault-${i}`,
        apiEndpoint,
        actions: [actionDefinition('act', { endpoint, timeout_ms: fault.timeoutMs })],
      });
      faultEvents.push({
        action_type: 'act',
        plugin_id: plugin.id,
        payload: { fault: fault.name },
      });
    }
    const healthy = await insertPlugin(deps.db, tenant, {
      slug: 'healthy',
      apiEndpoint: chaos.url,
      actions: [actionDefinition('act', { endpoint: '/ok' })],
    });
    const healthyEvents = Array.from({ length: HEALTHY_EVENTS }, (_, n) => ({
      action_type: 'act',
      plugin_id: healthy.id,
      payload: { n },
    }));

    const started = performance.now();
    const response = await dispatchEvents(
      deps,
      tenant,
      parseInput(ZDispatchRequestSchema, { events: [...faultEvents, ...healthyEvents] }),
    );
    const batchMs = performance.now() - started;

    const rows = await deps.db.actionExecution.findMany({
      where: { tenantId: tenant },
      orderBy: { eventIndex: 'asc' },
    });
    // On a mismatch, the message shows every attempt's reason.
    const reasons = rows.map((row) =>
      (row.attempts as { reason: string | null }[]).map((x) => x.reason),
    );
    const seen = response.results.slice(0, FAULTS.length).map((result, i) => ({
      name: FAULTS[i]?.name,
      code: result.success ? 'ok' : result.error_code,
      attempts: result.attempts,
      status: rows[i]?.status,
      ...(!result.success && result.http_status ? { httpStatus: result.http_status } : {}),
    }));
    expect(seen, JSON.stringify(reasons)).toEqual(
      FAULTS.map(({ name, code, attempts, status, httpStatus }) => ({
        name,
        code,
        attempts,
        status,
        ...(httpStatus ? { httpStatus } : {}),
      })),
    );
    expect(response.results.slice(0, FAULTS.length).map((result) => result.status)).toEqual(
      FAULTS.map((fault) => fault.status),
    );
    // The plugin asked for two minutes: the queue tries again then, not before.
    const patient = FAULTS.findIndex(
      (fault) => fault.name === '429 with Retry-After past the deadline',
    );
    const nextAttempt = Date.parse(rows[patient]?.nextAttemptAt?.toISOString() ?? '');
    expect(nextAttempt - Date.parse(rows[patient]?.createdAt.toISOString() ?? '')).toBeGreaterThan(
      110_000,
    );
    expect(response.results.slice(FAULTS.length).every((result) => result.success)).toBe(true);
    expect(batchMs).toBeLessThan(EVENT_DEADLINE_MS + 1000);

    // Nothing is left in flight: every event is over, or waiting for its next attempt.
    expect(rows.filter((row) => ['queued', 'running'].includes(row.status))).toEqual([]);
    const attempts = rows.flatMap(
      (row) => row.attempts as { duration_ms: number; started_at: string }[],
    );
    expect(rows.map((row) => (row.attempts as unknown[]).length)).toEqual(
      response.results.map((result) => result.attempts),
    );
    for (const [i, row] of rows.entries()) {
      const deadline = FAULTS[i]?.timeoutMs ?? ATTEMPT_MS;
      for (const { duration_ms } of row.attempts as { duration_ms: number }[]) {
        expect(duration_ms).toBeLessThan(deadline + 1000);
        // A stalled call ends at its deadline, not before.
        if (FAULTS[i]?.timeoutMs) expect(duration_ms).toBeGreaterThan(deadline - 50);
      }
    }
    const polite = rows[FAULTS.findIndex((fault) => fault.name.includes('Retry-After: 1'))];
    const [first, second] = (polite?.attempts ?? []) as { started_at: string }[];
    expect(
      Date.parse(second?.started_at ?? '') - Date.parse(first?.started_at ?? ''),
    ).toBeGreaterThanOrEqual(1000);

    expect(stolen.calls).toEqual([]);
    const after = await fetch(`${chaos.url}/ok`, { method: 'POST', body: '{}' });
    expect(after.status).toBe(200);
    console.log(
      `[fault matrix] ${FAULTS.length} faults + ${HEALTHY_EVENTS} healthy events in one batch: ` +
        `${FAULTS.length} reason codes and attempt counts as expected, ${attempts.length} attempts ` +
        `each within its deadline (${STALL_MS} ms stalls, ${ATTEMPT_MS} ms others) + 1 s, batch ${Math.round(batchMs)} ms ` +
        `(event deadline ${EVENT_DEADLINE_MS} ms), ${HEALTHY_EVENTS}/${HEALTHY_EVENTS} healthy events succeeded`,
    );
  });
});
