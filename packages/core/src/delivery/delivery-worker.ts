import { setTimeout as sleep } from 'node:timers/promises';
import { inTransaction } from '@registry/db';
import { retireHealthHours } from '../actions/health/retire-health-hours';
import type { DispatchTarget } from '../dispatch/dispatch-target';
import { EventFailure } from '../errors/event-failure';
import {
  adoptOrphans,
  type ClaimedExecution,
  claimExecutions,
  dueAgainAt,
} from '../executions/store';
import { findPlatformAction } from '../platform/platform-catalog';
import { addMissingSigningSecrets } from '../plugins/plugin-secrets';
import { findRegisteredAction } from '../plugins/registered-actions';
import { loadPluginRecords, type PluginRecord } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { type DeliveryRun, deliverPluginEvent } from './deliver-event';
import { deliverPlatformEvent } from './deliver-platform-event';
import type { DeliveryJob } from './delivery-queue';
import { createJobSettler } from './job-settler';

export interface DeliveryWorker {
  /** Deliveries in progress right now. */
  readonly inFlight: number;
  /** Stops fetching, lets what is in flight finish (up to `graceMs`), then stops. */
  stop(graceMs?: number): Promise<void>;
}

export interface WorkerOptions {
  /** Events delivered at once by this worker (WORKER_CONCURRENCY). */
  concurrency?: number;
  /** How often to look for due jobs when nothing wakes the worker. */
  pollMs?: number;
}

/** Fetches at most this many jobs at once. */
const MAX_FETCH = 100;
const HEARTBEAT_MS = 4_000;
/**
 * How often each worker sweeps for events whose sync request's process died: with the lease
 * (LEASE_MS), the longest such an event waits before a worker takes it over.
 */
const SWEEP_EVERY_MS = 2_000;
/** How often each worker retires health hours past the window: figures lag the clock by this. */
const RETIRE_HEALTH_EVERY_MS = 60_000;

/**
 * A delivery worker: fetches due jobs (no plugin past its max in flight, across every worker),
 * claims their ledger rows, makes one attempt per event and settles the outcome; a failure due
 * for another attempt goes back on the queue for its time. Any number of workers, in any number
 * of processes, share one database. It wakes at once for events enqueued in its own process and
 * on PostgreSQL NOTIFY from others, else polls every `pollMs`.
 */
export function startDeliveryWorker(
  deps: RegistryDeps,
  options: WorkerOptions = {},
): DeliveryWorker {
  const concurrency = options.concurrency ?? deps.dispatch.workerConcurrency;
  const pollMs = options.pollMs ?? 250;
  const active = new Map<string, DeliveryJob>();
  const settler = createJobSettler(deps);
  let stopping = false;
  let wake: () => void = () => {};
  const wakeUp = () => wake();
  const unsubscribe = deps.queue.onEnqueued(wakeUp);
  const stopListening = deps.notifications.listen(wakeUp);
  const leases = new Map<string, () => void>();
  const heartbeat = setInterval(() => {
    deps.queue
      .touch([...active.values()])
      .catch((error: unknown) => logError(deps, error, 'heartbeat failed'));
  }, HEARTBEAT_MS);

  const loop = (async () => {
    let sweptAt = Number.NEGATIVE_INFINITY;
    let retiredAt = Number.NEGATIVE_INFINITY;
    while (!stopping) {
      if (performance.now() - sweptAt >= SWEEP_EVERY_MS) {
        sweptAt = performance.now();
        await adoptOrphanedEvents(deps).catch((error: unknown) =>
          logError(deps, error, 'could not adopt orphaned events'),
        );
      }
      if (performance.now() - retiredAt >= RETIRE_HEALTH_EVERY_MS) {
        retiredAt = performance.now();
        await retireHealthHours(deps.sql).catch((error: unknown) =>
          logError(deps, error, 'could not retire health hours past the window'),
        );
      }
      const free = concurrency - active.size;
      let fetched = 0;
      if (free > 0) {
        try {
          const jobs = await deps.queue.fetch(
            Math.min(free, MAX_FETCH),
            deps.dispatch.defaultMaxInFlight,
          );
          fetched = jobs.length;
          if (jobs.length > 0) void deliverBatch(jobs);
        } catch (error) {
          logError(deps, error, 'fetching jobs failed');
          await sleep(1_000);
        }
        // A full fetch means more are likely due: fetch again at once.
        if (fetched > 0 && fetched === Math.min(free, MAX_FETCH)) continue;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  async function deliverBatch(jobs: DeliveryJob[]): Promise<void> {
    for (const job of jobs) active.set(job.id, job);
    try {
      const byExecution = new Map(jobs.map((job) => [job.data.execution_id, job]));
      const refs = jobs.map((job) => ({ executionId: job.data.execution_id, jobId: job.id }));
      const claimed = await claimExecutions(deps.sql, deps.instanceId, refs);
      // Each row's lease is renewed until its outcome is written (or could not be).
      for (const row of claimed) leases.set(row.id, deps.leases.hold([row.id]));
      const claimedIds = new Set(claimed.map((row) => row.id));
      await putBackUnclaimed(jobs.filter((job) => !claimedIds.has(job.data.execution_id)));
      const plugins = await loadPluginsOf(deps, claimed);
      await Promise.all(
        claimed.map(async (row) => {
          const job = byExecution.get(row.id) as DeliveryJob;
          const run = await deliverClaimed(deps, row, plugins).catch((error: unknown) =>
            unexpectedRun(deps, row, error),
          );
          settler.add(job, run, takeLease(row.id));
          active.delete(job.id);
          wake();
        }),
      );
    } catch (error) {
      logError(deps, error, 'delivering a batch failed');
      // Their jobs' heartbeats stop and their rows' leases lapse: pg-boss hands the jobs to a
      // worker again, which can claim the rows once their leases are over.
      for (const job of jobs) {
        active.delete(job.id);
        takeLease(job.data.execution_id)();
      }
    }
  }

  /** The release of a row's lease, handed on once (a no-op when none is held). */
  function takeLease(executionId: string): () => void {
    const release = leases.get(executionId) ?? (() => {});
    leases.delete(executionId);
    return release;
  }

  async function putBackUnclaimed(jobs: DeliveryJob[]): Promise<void> {
    if (jobs.length === 0) return;
    const due = await dueAgainAt(
      deps.sql,
      jobs.map((job) => ({ executionId: job.data.execution_id, jobId: job.id })),
    );
    const stale = jobs.filter((job) => !due.has(job.data.execution_id));
    await deps.queue.complete(stale);
    for (const job of jobs) {
      const at = due.get(job.data.execution_id);
      if (at) await deps.queue.defer([job], at);
    }
    for (const job of jobs) active.delete(job.id);
  }

  return {
    get inFlight() {
      return active.size;
    },
    async stop(graceMs = 5_000) {
      stopping = true;
      wake();
      await loop;
      const deadline = Date.now() + graceMs;
      while (active.size > 0 && Date.now() < deadline) await sleep(50);
      await settler.finish().catch((error: unknown) => logError(deps, error, 'settling failed'));
      clearInterval(heartbeat);
      unsubscribe();
      await stopListening();
    },
  };
}

/** The plugins of these rows (any tenants), each given a signing secret if it has none. */
async function loadPluginsOf(
  deps: RegistryDeps,
  rows: readonly ClaimedExecution[],
): Promise<Map<string, PluginRecord>> {
  const ids = [...new Set(rows.flatMap((row) => (row.plugin_id ? [row.plugin_id] : [])))];
  const plugins = await loadPluginRecords(deps.sql, ids);
  await addMissingSigningSecrets(deps.sql, plugins);
  return new Map(plugins.map((plugin) => [plugin.id, plugin]));
}

/** Where a claimed row's event goes now: its plugin and action as registered today. */
async function deliverClaimed(
  deps: RegistryDeps,
  row: ClaimedExecution,
  plugins: Map<string, PluginRecord>,
): Promise<DeliveryRun> {
  const target = targetOf(row, plugins);
  if (target.kind === 'unroutable') return failedBeforeAnyAttempt(row, target.failure);
  const delivery = {
    executionId: row.id,
    tenantId: row.tenant_id,
    flowExecutionId: row.flow_execution_id,
    actionType: row.action_type,
    payload: row.payload,
    webhookId: row.idempotency_key,
    attemptsMade: row.attempts_made,
    scheduleStart: row.schedule_start,
  };
  if (target.kind === 'platform') {
    return deliverPlatformEvent(deps, { ...delivery, target }, deps.instanceId);
  }
  return deliverPluginEvent(deps, { ...delivery, target });
}

function targetOf(row: ClaimedExecution, plugins: Map<string, PluginRecord>): DispatchTarget {
  if (!row.plugin_id) {
    const action = findPlatformAction(row.action_type);
    return action
      ? { kind: 'platform', action }
      : unroutable('ACTION_NOT_FOUND', `Unknown action type: ${row.action_type}`);
  }
  const plugin = plugins.get(row.plugin_id);
  if (!plugin)
    return unroutable(
      'PLUGIN_NOT_FOUND',
      `Plugin not found: ${row.plugin_id} (deleted since the event was accepted)`,
    );
  const action = findRegisteredAction(plugin.registered_actions, row.action_type);
  if (!action) {
    return unroutable(
      'ACTION_NOT_FOUND',
      `Plugin ${plugin.slug} no longer registers ${row.action_type}`,
    );
  }
  return { kind: 'plugin', plugin, action };
}

function unroutable(code: EventFailure['code'], message: string): DispatchTarget {
  return { kind: 'unroutable', failure: new EventFailure(code, message) };
}

function unexpectedRun(deps: RegistryDeps, row: ClaimedExecution, error: unknown): DeliveryRun {
  logError(deps, error, 'delivering an event failed unexpectedly', { executionId: row.id });
  const failure = new EventFailure(
    'INTERNAL_ERROR',
    'The delivery failed unexpectedly; see the server log',
  );
  return failedBeforeAnyAttempt(row, failure);
}

function failedBeforeAnyAttempt(row: ClaimedExecution, failure: EventFailure): DeliveryRun {
  return {
    id: row.id,
    status: 'failed',
    error: failure.message,
    errorCode: failure.code,
    failure,
    durationMs: 0,
    attempts: [],
  };
}

/**
 * Rows no job delivers and nobody holds get one: a sync request's events whose process died
 * (or gave them up) before recording where they stand.
 */
async function adoptOrphanedEvents(deps: RegistryDeps): Promise<void> {
  await deps.queue.prepare();
  const adopted = await inTransaction(deps.sql, async (tx) => {
    const rows = await adoptOrphans(tx);
    await deps.queue.enqueue(
      tx,
      rows.map((row) => ({ id: row.job_id, executionId: row.id, pluginId: row.plugin_id })),
    );
    return rows.length;
  });
  if (adopted > 0)
    deps.logger.warn({ adopted }, 'queued events whose process stopped delivering them');
}

function logError(deps: RegistryDeps, error: unknown, message: string, extra: object = {}): void {
  deps.logger.error({ err: error, ...extra }, message);
}
