import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { type LoadResult, median, runLoad } from '../load';
import { runPaced } from '../paced-load';
import { cpuMs } from '../process-cpu';
import type { ReferenceServers } from '../reference/reference-servers';

const CONNECTIONS = 50;

/** One way of sending the same single-event load: a URL and how each request's body looks. */
interface Side {
  name: string;
  url: string;
  body: () => unknown;
  /** The process serving it, whose CPU time per request is measured. */
  pid: number;
}

/**
 * Sustained single-event requests, the same load (50 connections, one plugin event each) sent
 * in every round to the registry's REST endpoint, its tRPC procedure, the two reference servers
 * (bench/src/reference) and straight to the mock plugin; then the latency the registry adds at
 * half its maximum sustainable rate.
 */
export async function benchSingleEvent(
  context: BenchContext,
  pluginId: string,
  references: ReferenceServers,
): Promise<Figure[]> {
  let n = 0;
  const automationBody = () => ({
    flow_execution_id: `bench_single_${n}`,
    events: [pluginEvent(pluginId, n++)],
  });
  const sides: Side[] = [
    {
      name: 'registry REST',
      url: automationUrl(context),
      body: automationBody,
      pid: context.registry.pid,
    },
    {
      name: 'registry tRPC',
      url: `${context.registry.url}/api/trpc/automation.dispatch`,
      body: automationBody,
      pid: context.registry.pid,
    },
    {
      name: 'durable reference',
      url: references.durable,
      body: automationBody,
      pid: references.durablePid,
    },
    { name: 'bare reference', url: references.bare, body: automationBody, pid: references.barePid },
    {
      name: 'direct',
      url: `${context.plugins.fast[0]}/actions/bench`,
      body: () => ({ user_id: `user_${n++}`, note: 'benchmark' }),
      pid: context.plugins.pid,
    },
  ];
  // Warm every side (JIT, connection pools, first loads) before measuring.
  for (const side of sides) await load(side, 2);
  const rounds = new Map<string, Array<LoadResult & { cpuMsPerRequest: number }>>(
    sides.map((side) => [side.name, []]),
  );
  for (let round = 0; round < context.rounds; round++) {
    for (const side of sides) {
      const cpuBefore = cpuMs(side.pid);
      const result = await load(side, context.seconds);
      const cpuMsPerRequest = (cpuMs(side.pid) - cpuBefore) / Math.max(1, result.total);
      assertClean(`single-event via ${side.name}`, result.failures);
      rounds.get(side.name)?.push({ ...result, cpuMsPerRequest });
    }
    context.log(
      `single round ${round}: ${sides.map((s) => `${s.name} ${rounds.get(s.name)?.at(-1)?.requestsPerSecond.toFixed(0)} req/s`).join(', ')}`,
    );
  }
  const of = (name: string, pick: (result: LoadResult & { cpuMsPerRequest: number }) => number) =>
    median((rounds.get(name) ?? []).map(pick));
  const rps = (name: string) => of(name, (r) => r.requestsPerSecond);
  const p99 = (name: string) => of(name, (r) => r.p99);
  const rest = rps('registry REST');
  const durable = rps('durable reference');
  const figures: Figure[] = sides.flatMap((side) => [
    info(`single-event: ${side.name}`, rps(side.name), 'req/s'),
    info(
      `single-event: ${side.name} p50`,
      of(side.name, (r) => r.p50),
      'ms',
    ),
    info(`single-event: ${side.name} p99`, p99(side.name), 'ms'),
    info(
      `single-event: ${side.name} CPU per request`,
      of(side.name, (r) => r.cpuMsPerRequest),
      'ms',
    ),
  ]);
  figures.push(
    target('single-event: registry/durable reference throughput', rest / durable, '×', '≥ 1.0'),
    target(
      'single-event: registry/durable reference p99',
      p99('registry REST') / p99('durable reference'),
      '×',
      '≤ 2',
    ),
    target('single-event: tRPC/REST throughput', rps('registry tRPC') / rest, '×', '≥ 0.90'),
    target(
      'single-event: registry/bare reference throughput',
      rest / rps('bare reference'),
      '×',
      '-',
    ),
    target('single-event: registry/direct throughput', rest / rps('direct'), '×', '≥ 0.30'),
  );
  figures.push(...(await latencyAtHalfLoad(context, sides[0] as Side, sides[4] as Side, rest)));
  return figures;
}

/** Latency the registry adds at half its maximum rate: its p50/p99 minus direct's at that rate. */
async function latencyAtHalfLoad(
  context: BenchContext,
  registry: Side,
  direct: Side,
  maxRate: number,
): Promise<Figure[]> {
  const rate = Math.max(1, Math.round(maxRate / 2));
  const viaRegistry = await runPaced({ ...registry, rate, seconds: context.seconds });
  const straight = await runPaced({ ...direct, rate, seconds: context.seconds });
  assertClean('paced load via registry', viaRegistry.failures);
  const addedP50 = viaRegistry.p50 - straight.p50;
  const addedP99 = viaRegistry.p99 - straight.p99;
  return [
    target(`latency added at ${rate} req/s (50 %): p50`, addedP50, 'ms', '≤ 5'),
    target(`latency added at ${rate} req/s (50 %): p99`, addedP99, 'ms', '≤ 25'),
  ];
}

function load(side: Side, seconds: number): Promise<LoadResult> {
  return runLoad({ url: side.url, body: side.body, connections: CONNECTIONS, seconds });
}

function info(name: string, value: number, unit: string): Figure {
  return { name, value, unit, target: '-', pass: true };
}

/** A figure with a `≥ x` or `≤ x` target (or `-` for none), judged here. */
function target(name: string, value: number, unit: string, goal: string): Figure {
  const bound = Number(goal.slice(2));
  const pass = goal === '-' || (goal.startsWith('≥') ? value >= bound : value <= bound);
  return { name, value, unit, target: goal, pass };
}

export function assertClean(what: string, failures: number): void {
  if (failures > 0)
    throw new Error(`${what}: ${failures} requests failed; the figures would be meaningless`);
}
