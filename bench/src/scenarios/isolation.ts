import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { benchPluginIds, pointPlugin, resizeRegistry } from '../bench-database';
import { median, runLoad } from '../load';
import { assertClean } from './single-event';

/**
 * Ten plugins on ten origins, one of which never answers: the other nine's throughput while
 * callers keep sending events to the hanging one, relative to the same load without it.
 */
export async function benchIsolation(context: BenchContext): Promise<Figure[]> {
  const { pool } = context.database;
  const [hangingUrl] = context.plugins.hanging;
  const healthyUrls = context.plugins.fast.slice(0, 9);
  if (!hangingUrl || healthyUrls.length < 9)
    throw new Error('isolation needs 9 fast and 1 hanging plugin');
  await resizeRegistry(pool, context.tenantId, 10, healthyUrls[0] as string);
  const ids = await benchPluginIds(pool, context.tenantId);
  for (const [i, id] of ids.entries())
    await pointPlugin(pool, id, i < 9 ? (healthyUrls[i] as string) : hangingUrl);
  const healthyIds = ids.slice(0, 9);
  const hangingId = ids[9] as string;
  let n = 0;
  const healthyLoad = () =>
    runLoad({
      url: automationUrl(context),
      body: () => ({ events: [pluginEvent(healthyIds[n++ % 9] as string, n)] }),
      connections: 45,
      seconds: context.seconds,
    });
  const alone: number[] = [];
  const beside: number[] = [];
  for (let round = 0; round < context.rounds; round++) {
    const baseline = await healthyLoad();
    assertClean('healthy plugins alone', baseline.failures);
    alone.push(baseline.requestsPerSecond);
    // Callers keep 10 requests in flight to the hanging plugin for the whole run.
    const [withHang] = await Promise.all([
      healthyLoad(),
      runLoad({
        url: automationUrl(context),
        body: () => ({ events: [pluginEvent(hangingId, n++)] }),
        connections: 10,
        seconds: context.seconds,
      }),
    ]);
    assertClean('healthy plugins beside a hanging one', withHang.failures);
    beside.push(withHang.requestsPerSecond);
    context.log(
      `isolation round ${round}: alone ${baseline.requestsPerSecond.toFixed(0)}, beside hang ${withHang.requestsPerSecond.toFixed(0)} req/s`,
    );
  }
  const ratio = median(beside) / median(alone);
  return [
    {
      name: 'isolation: 9 healthy plugins alone',
      value: median(alone),
      unit: 'req/s',
      target: '-',
      pass: true,
    },
    {
      name: 'isolation: 9 healthy beside 1 hanging',
      value: median(beside),
      unit: 'req/s',
      target: '-',
      pass: true,
    },
    {
      name: 'isolation: throughput ratio',
      value: ratio,
      unit: '×',
      target: '≥ 0.9',
      pass: ratio >= 0.9,
    },
  ];
}
