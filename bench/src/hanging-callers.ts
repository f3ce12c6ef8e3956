import { Agent, request } from 'undici';
import { automationUrl, type BenchContext, pluginEvent } from './bench-context';

interface AutomationAnswer {
  results?: { success: boolean; error_code?: string }[];
}

export interface HangingCallers {
  /** Callers still waiting for their answer now. */
  waiting(): number;
  /** Each caller's outcome once answered: `success` or the event's error code. */
  outcomes: Promise<string[]>;
}

/**
 * `count` callers that each send one event to `pluginId` and wait for the answer, however long
 * the registry takes: the load a hanging plugin puts on the registry. Resolves once the registry
 * has recorded every event as running (delivered by the caller's request), i.e. every caller
 * is waiting on the plugin.
 */
export async function startHangingCallers(
  context: BenchContext,
  pluginId: string,
  count: number,
): Promise<HangingCallers> {
  const agent = new Agent({ connections: count });
  let answered = 0;
  const calls = Array.from({ length: count }, async (_, n) => {
    const response = await request(automationUrl(context), {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ events: [pluginEvent(pluginId, n)] }),
    });
    const body = (await response.body.json()) as AutomationAnswer;
    answered++;
    const result = body.results?.[0];
    return result?.success ? 'success' : (result?.error_code ?? `HTTP ${response.statusCode}`);
  });
  const outcomes = Promise.all(calls).finally(() => agent.close());
  // If the callers never all wait, the caller of this function hears why, not an unhandled
  // rejection from their sockets once the server stops.
  outcomes.catch(() => {});
  await untilRunning(context, pluginId, count);
  return { waiting: () => count - answered, outcomes };
}

async function untilRunning(context: BenchContext, pluginId: string, count: number) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await context.database.pool.query<{ running: number }>(
      `SELECT count(*)::int AS running FROM action_executions
        WHERE plugin_id = $1 AND status = 'running'`,
      [pluginId],
    );
    if (rows[0]?.running === count) return;
    if (Date.now() > deadline)
      throw new Error(`hanging callers: ${rows[0]?.running} of ${count} running`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
