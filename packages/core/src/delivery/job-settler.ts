import { type ExecutionOutcome, settleExecutions } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';
import type { DeliveryRun } from './deliver-event';
import type { DeliveryJob } from './delivery-queue';

/** Settled in groups of this many... */
const GROUP = 100;
/** ...or this long after the first of a group, whichever comes first. */
const FLUSH_AFTER_MS = 20;

const FINAL = new Set(['succeeded', 'failed', 'dead']);

/**
 * Settles a worker's deliveries in groups (one statement per group, however many workers'
 * events finish at once): the ledger first, then the jobs: an event that is over completes its
 * job (a dead one is copied to the dead-letter queue); one due again puts its job back on the
 * queue for `next_attempt_at`. A crash in between leaves the job to come back: it finds its
 * row over (and completes) or due (and delivers), never lost.
 */
export function createJobSettler(
  deps: Pick<RegistryDeps, 'sql' | 'queue' | 'instanceId' | 'logger'>,
) {
  let pending: Array<{ job: DeliveryJob; run: DeliveryRun; release: () => void }> = [];
  let writing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;

  const settle = async (group: typeof pending) => {
    const outcomes: ExecutionOutcome[] = group
      .filter(({ run }) => !run.settled)
      .map(({ job, run }) => ({ ...run, jobId: job.id }));
    await settleExecutions(deps.sql, deps.instanceId, outcomes);
    const over = group.filter(({ run }) => FINAL.has(run.status));
    await deps.queue.complete(over.map(({ job }) => job));
    await deps.queue.deadLetter(
      over.filter(({ run }) => run.status === 'dead').map(({ run }) => run.id),
    );
    for (const { job, run } of group) {
      if (!FINAL.has(run.status) && run.nextAttemptAt)
        await deps.queue.defer([job], run.nextAttemptAt);
    }
  };

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const group = pending;
    pending = [];
    writing = writing.then(() =>
      settle(group)
        .catch((error: unknown) => {
          deps.logger.error({ err: error, events: group.length }, 'could not settle deliveries');
        })
        // Written or not, the rows' leases may lapse now: an unwritten outcome is delivered again.
        .finally(() => {
          for (const { release } of group) release();
        }),
    );
  };

  return {
    /** `release` ends the lease on the event's row once its outcome is settled. */
    add(job: DeliveryJob, run: DeliveryRun, release: () => void): void {
      pending.push({ job, run, release });
      if (pending.length >= GROUP) flush();
      else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    async finish(): Promise<void> {
      flush();
      await writing;
    },
  };
}
