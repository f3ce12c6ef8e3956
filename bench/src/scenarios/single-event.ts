import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { median, runLoad } from '../load';
import { runPaced } from '../paced-load';

const CONNECTIONS = 50;

/**
 * Sustained single-event automation requests against the same load sent straight to the mock
 * plugin: throughput ratio at full speed, then the latency the registry adds at half its
 * maximum sustainable rate.
 */
export async function benchSingleEvent(context: BenchContext, pluginId: string): Promise<Figure[]> {
  let n = 0;
  const registryBody = () => ({
    flow_execution_id: `bench_single_${n}`,
    events: [pluginEvent(pluginId, n++)],
  });
  const directBody = () => ({ user_id: `user_${n++}`, note: 'benchmark' });
  const pluginUrl = `${context.plugins.fast[0]}/actions/bench`;
  const registryRps: number[] = [];
  const directRps: number[] = [];
  // Warm both sides (JIT, connection pools, the route's first load) before measuring.
  await runLoad({
    url: automationUrl(context),
    body: registryBody,
    connections: CONNECTIONS,
    seconds: 3,
  });
  await runLoad({ url: pluginUrl, body: directBody, connections: CONNECTIONS, seconds: 1 });
  for (let round = 0; round < context.rounds; round++) {
    const viaRegistry = await runLoad({
      url: automationUrl(context),
      body: registryBody,
      connections: CONNECTIONS,
      seconds: context.seconds,
    });
    const direct = await runLoad({
      url: pluginUrl,
      body: directBody,
      connections: CONNECTIONS,
      seconds: context.seconds,
    });
    assertClean('single-event via registry', viaRegistry.failures);
    registryRps.push(viaRegistry.requestsPerSecond);
    directRps.push(direct.requestsPerSecond);
    context.log(
      `single round ${round}: registry ${viaRegistry.requestsPerSecond.toFixed(0)} req/s, direct ${direct.requestsPerSecond.toFixed(0)} req/s`,
    );
  }
  const maxRate = median(registryRps);
  const rate = Math.max(1, Math.round(maxRate / 2));
  const registryAtHalf = await runPaced({
    url: automationUrl(context),
    body: registryBody,
    rate,
    seconds: context.seconds,
  });
  const directAtHalf = await runPaced({
    url: pluginUrl,
    body: directBody,
    rate,
    seconds: context.seconds,
  });
  assertClean('paced load via registry', registryAtHalf.failures);
  const addedP50 = registryAtHalf.p50 - directAtHalf.p50;
  const addedP99 = registryAtHalf.p99 - directAtHalf.p99;
  const ratio = maxRate / median(directRps);
  return [
    { name: 'single-event: via registry', value: maxRate, unit: 'req/s', target: '-', pass: true },
    {
      name: 'single-event: direct to plugin',
      value: median(directRps),
      unit: 'req/s',
      target: '-',
      pass: true,
    },
    {
      name: 'single-event: throughput ratio',
      value: ratio,
      unit: '×',
      target: '≥ 0.30',
      pass: ratio >= 0.3,
    },
    {
      name: `latency added at ${rate} req/s (50 %): p50`,
      value: addedP50,
      unit: 'ms',
      target: '≤ 5',
      pass: addedP50 <= 5,
    },
    {
      name: `latency added at ${rate} req/s (50 %): p99`,
      value: addedP99,
      unit: 'ms',
      target: '≤ 25',
      pass: addedP99 <= 25,
    },
  ];
}

export function assertClean(what: string, failures: number): void {
  if (failures > 0)
    throw new Error(`${what}: ${failures} requests failed; the figures would be meaningless`);
}
