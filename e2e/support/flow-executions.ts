import type {
  AsyncDispatchResponse,
  AutomationEvent,
  Execution,
  ExecutionList,
  Plugin,
} from '@registry/contracts';
import { productApi } from './product-api';

/** Events per request, as a flow sends a large backlog: a tenth of the batch limit. */
const BATCH = 100;

/**
 * Sends `events` with `"mode": "async"` in batches of 100, `parallel` requests at a time, each
 * to the next of `baseUrls` in turn; returns every answer's results in order.
 */
export async function dispatchAsync(
  baseUrls: readonly string[],
  flowExecutionId: string,
  events: readonly AutomationEvent[],
  parallel = 2,
): Promise<AsyncDispatchResponse['results']> {
  const batches = Array.from({ length: Math.ceil(events.length / BATCH) }, (_, i) =>
    events.slice(i * BATCH, (i + 1) * BATCH),
  );
  const answers: AsyncDispatchResponse[] = new Array(batches.length);
  let next = 0;
  const sender = async () => {
    for (let i = next++; i < batches.length; i = next++) {
      answers[i] = await productApi<AsyncDispatchResponse>(
        baseUrls[i % baseUrls.length] as string,
        'POST',
        '/api/plugins/events/automation',
        { flow_execution_id: flowExecutionId, mode: 'async', events: batches[i] },
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, sender));
  return answers.flatMap((answer) => answer.results);
}

/** Every execution of a flow, through GET /api/executions (all pages). */
export async function flowExecutions(
  baseUrl: string,
  flowExecutionId: string,
  status?: Execution['status'],
): Promise<Execution[]> {
  const executions: Execution[] = [];
  let cursor: string | null = null;
  do {
    const query = new URLSearchParams({ flow_execution_id: flowExecutionId, limit: '200' });
    if (status) query.set('status', status);
    if (cursor) query.set('cursor', cursor);
    const page: ExecutionList = await productApi(baseUrl, 'GET', `/api/executions?${query}`);
    executions.push(...page.items);
    cursor = page.next_cursor;
  } while (cursor);
  return executions;
}

/** The `webhook-id` every delivery of each execution carries: its idempotency key. */
export function webhookIds(executions: readonly Execution[]): string[] {
  return executions.map((execution) => execution.idempotency_key ?? `none (${execution.id})`);
}

/** Reads a plugin until nothing of its backlog waits or runs; fails after `ms` with the last. */
export async function waitForEmptyBacklog(
  baseUrl: string,
  slug: string,
  ms: number,
): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const { plugin } = await productApi<{ plugin: Plugin }>(baseUrl, 'GET', `/api/plugins/${slug}`);
    const { queued, running, retrying } = plugin.backlog;
    if (queued + running + retrying === 0) return;
    if (Date.now() > deadline) {
      throw new Error(
        `${slug} still has a backlog after ${ms} ms: ${JSON.stringify(plugin.backlog)}`,
      );
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
}
