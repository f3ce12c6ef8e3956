import pg from 'pg';
import { Agent, request } from 'undici';
import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { ACTIONS_PER_PLUGIN, benchPluginIds, resizeRegistry } from '../bench-database';
import { percentile, runLoad } from '../load';
import { seedDispatchOne } from '../seed-algorithm';
import { assertClean } from './single-event';

interface SizeResult {
  size: number;
  registryRps: number;
  seedRps: number;
  categoryP50: number;
  searchP50: number;
  healthyP50: number;
  sortedP50: number;
  peakRss: number;
}

/**
 * Dispatch throughput, discovery latency and memory as the tenant's registry grows, with the
 * seed's own lookup algorithm measured against the same database at each size.
 */
export async function benchRegistrySizes(
  context: BenchContext,
  sizes: number[],
): Promise<Figure[]> {
  const results: SizeResult[] = [];
  for (const size of sizes) {
    await resizeRegistry(
      context.database.pool,
      context.tenantId,
      size,
      context.plugins.fast[0] as string,
    );
    const ids = await benchPluginIds(context.database.pool, context.tenantId);
    results.push(await measureSize(context, size, ids));
    context.log(`size ${size}: ${JSON.stringify(results.at(-1))}`);
  }
  return toFigures(results);
}

async function measureSize(
  context: BenchContext,
  size: number,
  ids: string[],
): Promise<SizeResult> {
  let n = 0;
  const pick = () => ids[Math.floor(Math.random() * ids.length)] as string;
  let peakRss = context.registry.rss();
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, context.registry.rss());
  }, 100);
  const load = await runLoad({
    url: automationUrl(context),
    // One flow per request: a repeated flow id and event index would be an idempotent replay.
    body: () => ({
      flow_execution_id: `bench_size_${size}_${n}`,
      events: [pluginEvent(pick(), n++)],
    }),
    connections: 50,
    seconds: context.seconds,
  });
  clearInterval(sampler);
  assertClean(`single-event at ${size} plugins`, load.failures);
  const middle = `bench-${String(Math.ceil(size / 2)).padStart(5, '0')}`;
  return {
    size,
    registryRps: load.requestsPerSecond,
    peakRss,
    // Every page carries each action's health; the load above gave thousands of actions calls.
    categoryP50: await discoveryP50(context, '?category=cat_3&limit=100'),
    searchP50: await discoveryP50(context, `?search=action%207&plugin=${middle}&limit=100`),
    healthyP50: await discoveryP50(context, '?category=cat_3&healthy=true&limit=100'),
    sortedP50: await discoveryP50(context, '?sort=success_rate&limit=100'),
    seedRps: await seedThroughput(context, pick),
  };
}

async function discoveryP50(context: BenchContext, query: string): Promise<number> {
  const url = `${context.registry.url}/api/plugins/actions${query}`;
  const latencies: number[] = [];
  const deadline = performance.now() + Math.min(5, context.seconds) * 1000;
  while (latencies.length < 20 || (performance.now() < deadline && latencies.length < 500)) {
    const started = performance.now();
    const response = await request(url);
    const body = (await response.body.json()) as { actions?: { health?: unknown }[] };
    if (response.statusCode !== 200 || !body.actions?.[0]?.health)
      throw new Error(`discovery ${query} failed`);
    latencies.push(performance.now() - started);
  }
  return percentile(latencies, 50);
}

async function seedThroughput(context: BenchContext, pick: () => string): Promise<number> {
  const pool = new pg.Pool({ connectionString: context.database.url, max: 10 });
  const agent = new Agent({ connections: context.concurrency });
  let done = 0;
  const started = performance.now();
  const deadline = started + context.seconds * 1000;
  await Promise.all(
    Array.from({ length: context.concurrency }, async () => {
      while (performance.now() < deadline || done < 3) {
        await seedDispatchOne(pool, agent, context.tenantId, 'bench_action_1', pick(), {
          user_id: 'u',
        });
        done++;
      }
    }),
  );
  const rate = done / ((performance.now() - started) / 1000);
  await Promise.all([pool.end(), agent.close()]);
  return rate;
}

function toFigures(results: SizeResult[]): Figure[] {
  const base = results[0] as SizeResult;
  const largest = results.at(-1) as SizeResult;
  const figures: Figure[] = [];
  for (const result of results) {
    const label = `${result.size.toLocaleString('en')} plugins × ${ACTIONS_PER_PLUGIN} actions`;
    const relative = result.registryRps / base.registryRps;
    const speedup = result.registryRps / result.seedRps;
    const isLargest = result === largest && result.size >= 10_000;
    figures.push(
      {
        name: `${label}: dispatch`,
        value: result.registryRps,
        unit: 'req/s',
        target: '-',
        pass: true,
      },
      {
        name: `${label}: dispatch relative to 1 plugin`,
        value: relative,
        unit: '×',
        target: isLargest ? '≥ 0.9' : '-',
        pass: !isLargest || relative >= 0.9,
      },
      {
        name: `${label}: discovery page by category p50`,
        value: result.categoryP50,
        unit: 'ms',
        target: '≤ 20',
        pass: result.categoryP50 <= 20,
      },
      {
        name: `${label}: discovery page by search p50`,
        value: result.searchP50,
        unit: 'ms',
        target: '≤ 20',
        pass: result.searchP50 <= 20,
      },
      {
        name: `${label}: discovery page by category, healthy only, p50`,
        value: result.healthyP50,
        unit: 'ms',
        target: '≤ 20',
        pass: result.healthyP50 <= 20,
      },
      {
        name: `${label}: discovery page sorted by success rate p50`,
        value: result.sortedP50,
        unit: 'ms',
        target: '≤ 20',
        pass: result.sortedP50 <= 20,
      },
      {
        // Side by side in one run: what the health filter and sort cost over a plain page.
        name: `${label}: healthy-only page / category page`,
        value: result.healthyP50 / result.categoryP50,
        unit: '×',
        target: '≤ 1.5',
        pass: result.healthyP50 / result.categoryP50 <= 1.5,
      },
      {
        name: `${label}: sorted page / category page`,
        value: result.sortedP50 / result.categoryP50,
        unit: '×',
        target: '≤ 1.5',
        pass: result.sortedP50 / result.categoryP50 <= 1.5,
      },
      {
        name: `${label}: seed algorithm dispatch`,
        value: result.seedRps,
        unit: 'events/s',
        target: '-',
        pass: true,
      },
      {
        name: `${label}: speedup over the seed algorithm`,
        value: speedup,
        unit: '×',
        target: isLargest ? '≥ 30' : '-',
        pass: !isLargest || speedup >= 30,
      },
    );
  }
  const mb = largest.peakRss / 1024 / 1024;
  figures.push({
    name: `peak server RSS under single-event load at ${largest.size.toLocaleString('en')} plugins`,
    value: mb,
    unit: 'MB',
    target: '≤ 400',
    pass: mb <= 400,
  });
  return figures;
}
