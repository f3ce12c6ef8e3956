import { request } from 'undici';
import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { benchPluginIds, pointPlugin, resizeRegistry } from '../bench-database';
import { startHangingCallers } from '../hanging-callers';
import { median, runLoad } from '../load';
import { assertClean } from './single-event';

const HEALTHY = 9;
const HANGING_CALLERS = 10;
const EVENTS_PER_HEALTHY_PLUGIN = 10;
const BATCHES_PER_RUN = 5;
/** The registry's default attempt deadline: a healthy batch must not wait for it. */
const ATTEMPT_DEADLINE_MS = 10_000;

/**
 * Ten plugins on ten origins, one of which never answers: the other nine's throughput, and the
 * time of a batch of 90 events to them, while ten callers wait on the hanging one, against the
 * same load without it. Each round hangs a plugin of its own (its circuit closed, as a fresh
 * plugin's is) and waits for its callers' answers before the next, so no round inherits the
 * last one's hanging events or open circuit; the figures say what the hanging callers got.
 */
export async function benchIsolation(context: BenchContext): Promise<Figure[]> {
  const { pool } = context.database;
  const [hangingUrl] = context.plugins.hanging;
  const healthyUrls = context.plugins.fast.slice(0, HEALTHY);
  if (!hangingUrl || healthyUrls.length < HEALTHY)
    throw new Error('isolation needs 9 fast and 1 hanging plugin');
  await resizeRegistry(pool, context.tenantId, HEALTHY + context.rounds, hangingUrl);
  const ids = await benchPluginIds(pool, context.tenantId);
  const healthyIds = ids.slice(0, HEALTHY);
  for (const [i, id] of healthyIds.entries()) await pointPlugin(pool, id, healthyUrls[i] as string);
  let n = 0;
  const healthyLoad = (seconds = context.seconds) =>
    runLoad({
      url: automationUrl(context),
      body: () => ({ events: [pluginEvent(healthyIds[n++ % HEALTHY] as string, n)] }),
      connections: 45,
      seconds,
    });
  const batchTimes = async () => {
    const times: number[] = [];
    for (let i = 0; i < BATCHES_PER_RUN; i++) {
      const events = healthyIds.flatMap((id) =>
        Array.from({ length: EVENTS_PER_HEALTHY_PLUGIN }, () => pluginEvent(id, n++)),
      );
      times.push(await timeBatch(context, events));
    }
    return times;
  };
  // Connections to the nine origins and their plugins' first lookups, before anything counts.
  await healthyLoad(1);

  const alone = { rps: [] as number[], batchMs: [] as number[] };
  const beside = { rps: [] as number[], batchMs: [] as number[] };
  const stillWaiting: number[] = [];
  const outcomes: string[] = [];
  for (let round = 0; round < context.rounds; round++) {
    const baseline = await healthyLoad();
    assertClean('healthy plugins alone', baseline.failures);
    alone.rps.push(baseline.requestsPerSecond);
    alone.batchMs.push(...(await batchTimes()));

    const hanging = await startHangingCallers(
      context,
      ids[HEALTHY + round] as string,
      HANGING_CALLERS,
    );
    const withHang = await healthyLoad();
    assertClean('healthy plugins beside a hanging one', withHang.failures);
    beside.rps.push(withHang.requestsPerSecond);
    beside.batchMs.push(...(await batchTimes()));
    stillWaiting.push(hanging.waiting());
    const answers = await hanging.outcomes;
    outcomes.push(...answers);
    context.log(
      `isolation round ${round}: alone ${baseline.requestsPerSecond.toFixed(0)}, beside hang ${withHang.requestsPerSecond.toFixed(0)} req/s; ${stillWaiting.at(-1)} of ${HANGING_CALLERS} hanging callers still waiting as it ended, then answered ${answers.join(' ')}`,
    );
  }
  return isolationFigures(alone, beside, stillWaiting, outcomes);
}

async function timeBatch(context: BenchContext, events: unknown[]): Promise<number> {
  const started = performance.now();
  const response = await request(automationUrl(context), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
  const body = (await response.body.json()) as { summary?: { successful: number } };
  if (body.summary?.successful !== events.length)
    throw new Error(`isolation batch: ${JSON.stringify(body).slice(0, 300)}`);
  return performance.now() - started;
}

type Runs = { rps: number[]; batchMs: number[] };

function isolationFigures(
  alone: Runs,
  beside: Runs,
  stillWaiting: number[],
  outcomes: string[],
): Figure[] {
  const ratio = median(beside.rps) / median(alone.rps);
  const besideBatch = median(beside.batchMs);
  const held = Math.min(...stillWaiting);
  const timeouts = outcomes.filter((outcome) => outcome === 'TIMEOUT').length;
  const info = (name: string, value: number, unit: string): Figure => ({
    name,
    value,
    unit,
    target: '-',
    pass: true,
  });
  return [
    info('isolation: 9 healthy plugins alone', median(alone.rps), 'req/s'),
    info('isolation: 9 healthy beside 1 hanging', median(beside.rps), 'req/s'),
    {
      name: 'isolation: throughput ratio',
      value: ratio,
      unit: '×',
      target: '≥ 0.9',
      pass: ratio >= 0.9,
    },
    info('isolation: batch of 90 to the 9 healthy, alone (median)', median(alone.batchMs), 'ms'),
    {
      name: 'isolation: batch of 90 to the 9 healthy, beside 1 hanging (median)',
      value: besideBatch,
      unit: 'ms',
      target: `< ${ATTEMPT_DEADLINE_MS.toLocaleString('en')}`,
      pass: besideBatch < ATTEMPT_DEADLINE_MS,
    },
    {
      name: 'isolation: hanging callers still waiting as each run ended (fewest)',
      value: held,
      unit: `of ${HANGING_CALLERS}`,
      target: `${HANGING_CALLERS}`,
      pass: held === HANGING_CALLERS,
    },
    info(
      'isolation: hanging callers answered TIMEOUT afterwards',
      timeouts,
      `of ${outcomes.length}`,
    ),
  ];
}
