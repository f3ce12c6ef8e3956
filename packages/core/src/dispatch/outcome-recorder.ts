import { randomUUID } from 'node:crypto';
import { inTransaction } from '@registry/db';
import type { DeliveryRun } from '../delivery/deliver-event';
import { type ExecutionOutcome, settleExecutions } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';

/** Outcomes are written in chunks of this many while a large batch is still running... */
const CHUNK = 200;
/** ...or this long after the first one of a chunk arrived, whichever comes first. */
const FLUSH_AFTER_MS = 100;

/** Where the queue sends an event that goes on after this request (its plugin's group). */
export interface JobRoute {
  pluginId: string | null;
  maxInFlight?: number;
}

/**
 * Records a sync request's outcomes as they arrive, a chunk at a time and one write at a time,
 * so a large batch's outcomes are mostly stored by the time its last event finishes (a crash
 * midway redelivers fewer). A sync event has no queue job while this request delivers it (its
 * lease is what a worker's sweep looks at if this process dies: see `adoptOrphans`): one that is
 * over needs nothing more, a dead one is copied to the dead-letter queue, and one that goes on
 * (`retrying`, or `queued` while its plugin is held back) gets its job here, due at its
 * `next_attempt_at`, in the transaction that records it. `finish` writes the rest and reports
 * the first write that failed, if any.
 */
export function createOutcomeRecorder(deps: Pick<RegistryDeps, 'sql' | 'queue' | 'instanceId'>) {
  let buffer: Array<{ run: DeliveryRun; route: JobRoute }> = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;

  const write = async (chunk: typeof buffer) => {
    const unsettled = chunk
      .filter(({ run }) => !run.settled)
      .map(({ run, route }) => ({ outcome: withJob(run), route }));
    const written = await settle(deps, unsettled);
    const dead = chunk.filter(
      ({ run }) => (run.settled || written.has(run.id)) && run.status === 'dead',
    );
    await deps.queue.deadLetter(dead.map(({ run }) => run.id));
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
    add(run: DeliveryRun, route: JobRoute): void {
      buffer.push({ run, route });
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

/** An outcome that goes on after this request names the job that will take it. */
function withJob(run: DeliveryRun): ExecutionOutcome {
  const goesOn = run.status === 'retrying' || run.status === 'queued';
  return { ...run, jobId: goesOn ? randomUUID() : null };
}

/**
 * Writes the outcomes: one statement when none goes on; otherwise in one transaction with the
 * jobs of those that do, so no event is left waiting for a job that was never created.
 */
async function settle(
  deps: Pick<RegistryDeps, 'sql' | 'queue' | 'instanceId'>,
  outcomes: ReadonlyArray<{ outcome: ExecutionOutcome; route: JobRoute }>,
): Promise<Set<string>> {
  const all = outcomes.map(({ outcome }) => outcome);
  const goingOn = outcomes.filter(({ outcome }) => outcome.jobId);
  if (goingOn.length === 0) return settleExecutions(deps.sql, deps.instanceId, all);
  await deps.queue.prepare();
  return inTransaction(deps.sql, async (tx) => {
    const written = await settleExecutions(tx, deps.instanceId, all);
    await deps.queue.enqueue(
      tx,
      goingOn
        .filter(({ outcome }) => written.has(outcome.id))
        .map(({ outcome, route }) => ({
          id: outcome.jobId as string,
          executionId: outcome.id,
          pluginId: route.pluginId,
          maxInFlight: route.maxInFlight,
          startAfter: outcome.nextAttemptAt,
        })),
    );
    return written;
  });
}
