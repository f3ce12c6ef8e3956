import type { DeliveryRun } from '../delivery/deliver-event';
import { settleExecutions } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';

/** Outcomes are written in chunks of this many while a large batch is still running... */
const CHUNK = 200;
/** ...or this long after the first one of a chunk arrived, whichever comes first. */
const FLUSH_AFTER_MS = 100;

/**
 * Records a sync request's plugin outcomes as they arrive, a chunk at a time and one write at a
 * time, so a large batch's outcomes are mostly stored by the time its last event finishes (a
 * crash midway redelivers fewer). An event that is over no longer needs its lease job, so the
 * job goes; a dead one is copied to the dead-letter queue. A `retrying` event keeps its job: it
 * fires when this request's lease ends, and the worker reschedules it to `next_attempt_at`.
 * `finish` writes the rest and reports the first write that failed, if any.
 */
export function createOutcomeRecorder(deps: Pick<RegistryDeps, 'sql' | 'queue' | 'instanceId'>) {
  let buffer: Array<{ run: DeliveryRun; jobId: string }> = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;

  const write = async (chunk: typeof buffer) => {
    const unsettled = chunk.filter(({ run }) => !run.settled).map(({ run }) => run);
    const written = await settleExecutions(deps.sql, deps.instanceId, unsettled);
    const over = chunk.filter(
      ({ run }) =>
        (run.settled || written.has(run.id)) &&
        ['succeeded', 'failed', 'dead'].includes(run.status),
    );
    await deps.queue.remove(over.map(({ jobId }) => jobId));
    await deps.queue.deadLetter(
      over.filter(({ run }) => run.status === 'dead').map(({ run }) => run.id),
    );
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
    const chunk = buffer;
    buffer = [];
    writing = writing.then(() =>
      write(chunk).catch((error: unknown) => {
        failure ??= error;
      }),
    );
  };

  return {
    add(run: DeliveryRun, jobId: string): void {
      buffer.push({ run, jobId });
      if (buffer.length >= CHUNK) flush();
      else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    async finish(): Promise<void> {
      flush();
      await writing;
      if (failure) throw failure;
    },
  };
}
