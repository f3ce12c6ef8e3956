import { Agent, request } from 'undici';
import { automationUrl, type BenchContext, type Figure, pluginEvent } from '../bench-context';
import { median } from '../load';

const BATCH_SIZE = 1000;

/**
 * One automation request carrying 1,000 plugin events, against the same 1,000 calls made
 * directly to the mock plugin with undici at the registry's dispatch concurrency.
 */
export async function benchBatchDispatch(
  context: BenchContext,
  pluginId: string,
): Promise<Figure[]> {
  const agent = new Agent({ connections: context.concurrency });
  const events = Array.from({ length: BATCH_SIZE }, (_, i) => pluginEvent(pluginId, i));
  const pluginUrl = `${context.plugins.fast[0]}/actions/bench`;
  const viaRegistry: number[] = [];
  const direct: number[] = [];
  for (let round = 0; round < context.rounds + 1; round++) {
    const registryMs = await timed(async () => {
      const response = await request(automationUrl(context), {
        method: 'POST',
        dispatcher: agent,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ flow_execution_id: `bench_batch_${round}`, events }),
      });
      const body = (await response.body.json()) as { summary?: { successful: number } };
      if (body.summary?.successful !== BATCH_SIZE) {
        throw new Error(`batch round ${round}: ${JSON.stringify(body).slice(0, 300)}`);
      }
    });
    const directMs = await timed(() =>
      inParallel(BATCH_SIZE, context.concurrency, async (i) => {
        const response = await request(pluginUrl, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(events[i]?.payload),
        });
        await response.body.json();
      }),
    );
    // The first round warms connections and JIT on both sides; it is not counted.
    if (round > 0) {
      viaRegistry.push(registryMs);
      direct.push(directMs);
    }
    context.log(
      `batch round ${round}: registry ${registryMs.toFixed(0)} ms, direct ${directMs.toFixed(0)} ms`,
    );
  }
  await agent.close();
  const ratio = median(viaRegistry) / median(direct);
  return [
    {
      name: 'batch of 1,000: via registry (median)',
      value: median(viaRegistry),
      unit: 'ms',
      target: '-',
      pass: true,
    },
    {
      name: 'batch of 1,000: direct undici (median)',
      value: median(direct),
      unit: 'ms',
      target: '-',
      pass: true,
    },
    {
      name: 'batch of 1,000: time ratio registry/direct',
      value: ratio,
      unit: '×',
      target: '≤ 1.2',
      pass: ratio <= 1.2,
    },
  ];
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

async function inParallel(count: number, concurrency: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
}
