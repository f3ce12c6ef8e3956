import { EventEmitter } from 'node:events';
import type { SqlRunner } from '@registry/db';
import { DEAD_LETTER_QUEUE, DELIVERY_QUEUE, QUEUE_SCHEMA } from '@registry/db/delivery-queues';
import { type Db, type Job, PgBoss } from 'pg-boss';

/** What a delivery job carries: the ledger row it delivers. Everything else is read from there. */
export interface DeliveryJobData {
  execution_id: string;
}

/** A job to put on the queue: its id is chosen by the caller, so the ledger can name it. */
export interface NewDeliveryJob {
  id: string;
  executionId: string;
  /** The plugin delivered to (null for platform actions): the group limited by max_in_flight. */
  pluginId: string | null;
  /** The plugin's own max_in_flight, when it set one. */
  maxInFlight?: number;
  /** Not before this time (a lease's end, a retry's time); at once when absent. */
  startAfter?: Date;
}

export type DeliveryJob = Job<DeliveryJobData>;

export interface DeliveryQueue {
  /**
   * Starts the queue's client, once. Call it before opening a transaction that enqueues:
   * starting reads the database on the queue's own connections, which on embedded PostgreSQL
   * (one session for all) would wait for the open transaction, and it for them.
   */
  prepare(): Promise<void>;
  /** Adds jobs inside the caller's transaction (`tx`), so they commit with the ledger rows. */
  enqueue(tx: SqlRunner, jobs: readonly NewDeliveryJob[]): Promise<void>;
  /** Claims up to `count` due jobs, no plugin past its max in flight (across every worker). */
  fetch(count: number, defaultMaxInFlight: number): Promise<DeliveryJob[]>;
  /** Finishes fetched jobs (the ledger holds the outcome). */
  complete(jobs: readonly DeliveryJob[]): Promise<void>;
  /** Keeps fetched jobs' heartbeats fresh while their deliveries run. */
  touch(jobs: readonly DeliveryJob[]): Promise<void>;
  /** Removes jobs that will never be needed (an event the request finished itself). */
  remove(ids: readonly string[]): Promise<void>;
  /** Puts fetched jobs back on the queue, due at `startAfter` (a retry's time, a lease's end). */
  defer(jobs: readonly DeliveryJob[], startAfter: Date): Promise<void>;
  /** Records dead events in pg-boss's dead-letter queue (job id = execution id). */
  deadLetter(executionIds: readonly string[]): Promise<void>;
  /** Takes redelivered events out of the dead-letter queue. */
  forgetDeadLetters(executionIds: readonly string[]): Promise<void>;
  /** Subscribes to "jobs were enqueued in this process" (the worker's fast wake-up). */
  onEnqueued(listener: () => void): () => void;
  stop(): Promise<void>;
}

/** Group limits pg-boss looks up by tier name: a plugin's max_in_flight names its tier. */
const IN_FLIGHT_TIERS = Object.fromEntries(
  Array.from({ length: 100 }, (_, i) => [String(i + 1), i + 1]),
);

/**
 * The delivery queue on pg-boss (its own pool, its own schema of the same database). Started on
 * first use; the app enqueues, workers fetch. pg-boss keeps the jobs, their heartbeats (a dead
 * worker's job goes back to the queue), per-plugin concurrency across workers and the
 * dead-letter queue; the ledger (`action_executions`) keeps each event's story.
 */
export function createDeliveryQueue(
  databaseUrl: string,
  options: { supervise: boolean; onError: (error: Error) => void },
): DeliveryQueue {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 4,
    migrate: false,
    schedule: false,
    supervise: options.supervise,
    // A dead worker's job (no heartbeat for 10 s) is found within these intervals.
    superviseIntervalSeconds: 5,
    monitorIntervalSeconds: 5,
    registerInstance: false,
  });
  boss.on('error', options.onError);
  const enqueued = new EventEmitter();
  let started: Promise<PgBoss> | undefined;
  const ready = () => {
    started ??= boss.start();
    return started;
  };

  return {
    async prepare() {
      await ready();
    },
    async enqueue(tx, jobs) {
      if (jobs.length === 0) return;
      await (await ready()).insert(
        DELIVERY_QUEUE,
        jobs.map((job) => ({
          id: job.id,
          data: { execution_id: job.executionId },
          startAfter: job.startAfter,
          ...(job.pluginId ? { group: groupOf(job.pluginId, job.maxInFlight) } : {}),
        })),
        { db: asDatabase(tx) },
      );
      // Committed or not, the worker only finds what is committed: a spurious wake costs a fetch.
      queueMicrotask(() => enqueued.emit('jobs'));
    },
    async fetch(count, defaultMaxInFlight) {
      return (await ready()).fetch<DeliveryJobData>(DELIVERY_QUEUE, {
        batchSize: count,
        groupConcurrency: { default: defaultMaxInFlight, tiers: IN_FLIGHT_TIERS },
      });
    },
    async complete(jobs) {
      if (jobs.length > 0) await (await ready()).complete(DELIVERY_QUEUE, attemptsOf(jobs));
    },
    async touch(jobs) {
      if (jobs.length > 0) await (await ready()).touch(DELIVERY_QUEUE, attemptsOf(jobs));
    },
    async remove(ids) {
      if (ids.length > 0) await (await ready()).deleteJob(DELIVERY_QUEUE, [...ids]);
    },
    async defer(jobs, startAfter) {
      if (jobs.length === 0) return;
      const queue = await ready();
      // Failed back to `retry` (due in a second), then due when asked: the same job, so the
      // ledger keeps naming it.
      await queue.fail(DELIVERY_QUEUE, attemptsOf(jobs), { deferred_to: startAfter.toISOString() });
      for (const job of jobs)
        await queue.update(DELIVERY_QUEUE, undefined, { id: job.id, startAfter });
    },
    async deadLetter(executionIds) {
      if (executionIds.length === 0) return;
      await (await ready()).insert(
        DEAD_LETTER_QUEUE,
        executionIds.map((id) => ({ id, data: { execution_id: id } })),
      );
    },
    async forgetDeadLetters(executionIds) {
      if (executionIds.length > 0) {
        await (await ready()).deleteJob(DEAD_LETTER_QUEUE, [...executionIds]);
      }
    },
    onEnqueued(listener) {
      enqueued.on('jobs', listener);
      return () => enqueued.off('jobs', listener);
    },
    async stop() {
      if (started) await (await started).stop({ graceful: false, close: true });
    },
  };
}

/** The plugin's group; its own max_in_flight names its tier, else the default limit applies. */
function groupOf(pluginId: string, maxInFlight: number | undefined) {
  return maxInFlight ? { id: pluginId, tier: String(maxInFlight) } : { id: pluginId };
}

function attemptsOf(jobs: readonly DeliveryJob[]) {
  return jobs.map((job) => ({ id: job.id, retryCount: job.retryCount }));
}

/** pg-boss runs its statements on the caller's transaction, so jobs commit with the ledger. */
function asDatabase(tx: SqlRunner): Db {
  return {
    executeSql: async (text, values) => {
      const { rows } = await tx.query<Record<string, unknown>>({ text, values });
      return { rows };
    },
  };
}
