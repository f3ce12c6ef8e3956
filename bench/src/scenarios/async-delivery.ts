import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { benchPluginIds, pointPlugin, resizeRegistry } from '../bench-database';
import { median, percentile, runLoad } from '../load';
import { monotonicMs } from '../mock-plugin';
import { runPaced } from '../paced-load';
import { assertClean } from './single-event';

/** Nine plugins on nine origins: one plugin's default max in flight (10) would cap delivery. */
const PLUGINS = 9;
const BATCH = 100;
const CONNECTIONS = 10;
/** The latency load: batches of 10 at this share of the delivered rate, far from saturation. */
const PACED_BATCH = 10;
const PACED_SHARE = 0.2;
/**
 * Seconds of the accept load in every mode: accepting outpaces delivery by an order of
 * magnitude, so a longer load only makes a backlog that takes minutes to drain.
 */
const ACCEPT_SECONDS = 3;
const DRAIN_TIMEOUT_MS = 120_000;
const POLL_MS = 50;

interface AsyncAnswer {
  results?: { execution_id: string; status: string }[];
}

/**
 * Asynchronous dispatch (`"mode": "async"`): events/s answered 202 in batches of 100, events/s
 * delivered through the worker (from the first accept until the ledger shows every event
 * `succeeded`), then, under a paced load well below that, the time from each 202 reaching the
 * caller to the event's first arrival at the mock plugin (matched by `webhook-id`).
 */
export async function benchAsyncDelivery(context: BenchContext): Promise<Figure[]> {
  const ids = await pluginsOnOrigins(context);
  let n = 0;
  const body = (size: number) => ({
    flow_execution_id: `bench_async_${n}`,
    mode: 'async',
    events: Array.from({ length: size }, () => pluginEvent(ids[n % PLUGINS] as string, n++)),
  });
  // Warm the route, the worker and its connections to the nine origins.
  await runLoad({
    url: automationUrl(context),
    body: () => body(BATCH),
    connections: 2,
    seconds: 1,
  });
  await untilDelivered(context, ids);

  const acceptRates: number[] = [];
  const deliveredRates: number[] = [];
  for (let round = 0; round < context.rounds; round++) {
    const before = await ledgerTotal(context, ids);
    const started = performance.now();
    const load = await runLoad({
      url: automationUrl(context),
      body: () => body(BATCH),
      connections: CONNECTIONS,
      seconds: ACCEPT_SECONDS,
    });
    assertClean('async accept', load.failures);
    const backlog = await undelivered(context, ids);
    const drainedAt = await untilDelivered(context, ids);
    const events = (await ledgerTotal(context, ids)) - before;
    acceptRates.push(load.requestsPerSecond * BATCH);
    deliveredRates.push(events / ((drainedAt - started) / 1000));
    context.log(
      `async round ${round}: accepted ${(load.requestsPerSecond * BATCH).toFixed(0)} events/s; ${backlog} of ${events} undelivered as the load ended; delivered ${deliveredRates.at(-1)?.toFixed(0)} events/s`,
    );
  }
  const delivered = median(deliveredRates);
  const rate = Math.max(1, Math.round((delivered * PACED_SHARE) / PACED_BATCH));
  const latencies = await acceptToFirstAttempt(context, ids, rate, () => body(PACED_BATCH));
  return asyncFigures(median(acceptRates), delivered, rate * PACED_BATCH, latencies);
}

/** Makes the registry hold the nine bench plugins, each on its own mock plugin origin. */
async function pluginsOnOrigins(context: BenchContext): Promise<string[]> {
  const { pool } = context.database;
  const urls = context.plugins.fast.slice(0, PLUGINS);
  if (urls.length < PLUGINS) throw new Error(`async delivery needs ${PLUGINS} fast plugins`);
  await resizeRegistry(pool, context.tenantId, PLUGINS, urls[0] as string);
  const ids = await benchPluginIds(pool, context.tenantId);
  for (const [i, id] of ids.entries()) await pointPlugin(pool, id, urls[i] as string);
  return ids;
}

/**
 * Paced batches of events whose 202 time the caller notes; once all are delivered, each one's
 * first arrival at the mock plugin minus its accept time (ms).
 */
async function acceptToFirstAttempt(
  context: BenchContext,
  ids: string[],
  rate: number,
  body: () => unknown,
): Promise<number[]> {
  const acceptedAt = new Map<string, number>();
  await context.plugins.recordArrivals();
  const paced = await runPaced({
    url: automationUrl(context),
    body,
    rate,
    seconds: context.seconds,
    onAnswer: (text) => {
      const at = monotonicMs();
      for (const result of (JSON.parse(text) as AsyncAnswer).results ?? [])
        if (result.status === 'queued') acceptedAt.set(result.execution_id, at);
    },
  });
  assertClean('paced async load', paced.failures);
  await untilDelivered(context, ids);
  await ledgerTotal(context, ids);
  const arrivals = await context.plugins.takeArrivals();
  const { rows } = await context.database.pool.query<{ id: string; key: string }>(
    'SELECT id::text, idempotency_key AS key FROM action_executions WHERE id = ANY($1::uuid[])',
    [[...acceptedAt.keys()]],
  );
  return rows.map((row) => {
    const arrived = arrivals.get(row.key);
    if (arrived === undefined) throw new Error(`event ${row.id} never reached the mock plugin`);
    return arrived - (acceptedAt.get(row.id) as number);
  });
}

/** Events to the plugins in the ledger so far (one full count: not while timing). */
async function ledgerTotal(context: BenchContext, ids: string[]): Promise<number> {
  const { rows } = await context.database.pool.query<{ total: number; lost: number }>(
    `SELECT count(*)::int AS total,
            (count(*) FILTER (WHERE status IN ('failed', 'dead')))::int AS lost
       FROM action_executions WHERE tenant_id = $1 AND plugin_id = ANY($2::uuid[])`,
    [context.tenantId, ids],
  );
  const { total, lost } = rows[0] as { total: number; lost: number };
  // The mock plugin always succeeds: a failed or dead event means the run is broken.
  if (lost > 0) throw new Error(`async delivery: ${lost} events failed`);
  return total;
}

/** Events to the plugins not delivered yet: a lookup of the open statuses in an index. */
async function undelivered(context: BenchContext, ids: string[]): Promise<number> {
  const { rows } = await context.database.pool.query<{ open: number }>(
    `SELECT count(*)::int AS open FROM action_executions
      WHERE tenant_id = $1 AND plugin_id = ANY($2::uuid[])
        AND status IN ('queued', 'running', 'retrying')`,
    [context.tenantId, ids],
  );
  return rows[0]?.open ?? 0;
}

/**
 * Polls the ledger until no event to the plugins is still open, twice in a row (a request the
 * load generator abandoned as it stopped may still commit). Returns when that was first seen
 * (`performance.now()`).
 */
async function untilDelivered(context: BenchContext, ids: string[]): Promise<number> {
  const deadline = performance.now() + DRAIN_TIMEOUT_MS;
  let drainedAt: number | undefined;
  for (;;) {
    const open = await undelivered(context, ids);
    if (open > 0) drainedAt = undefined;
    else if (drainedAt === undefined) drainedAt = performance.now();
    else return drainedAt;
    if (performance.now() > deadline)
      throw new Error(`async delivery: ${open} events undelivered after 2 minutes`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

function asyncFigures(
  accepted: number,
  delivered: number,
  pacedRate: number,
  latencies: number[],
): Figure[] {
  const p50 = percentile(latencies, 50);
  const p95 = percentile(latencies, 95);
  const label = `async: accept → first attempt at ${pacedRate.toLocaleString('en')} events/s`;
  return [
    {
      name: `async: accepted (202) in batches of ${BATCH}`,
      value: accepted,
      unit: 'events/s',
      target: '≥ 5,000',
      pass: accepted >= 5000,
    },
    {
      name: 'async: delivered through the worker',
      value: delivered,
      unit: 'events/s',
      target: '≥ 2,000',
      pass: delivered >= 2000,
    },
    { name: `${label}: p50`, value: p50, unit: 'ms', target: '-', pass: true },
    { name: `${label}: p95`, value: p95, unit: 'ms', target: '≤ 50', pass: p95 <= 50 },
  ];
}
