import { randomUUID } from 'node:crypto';
import type {
  AutomationEvent,
  DispatchMode,
  DispatchRequest,
  ExecutionSource,
} from '@registry/contracts';
import { inTransaction, type SqlRunner } from '@registry/db';
import type { EventFailure } from '../errors/event-failure';
import { insertExecutions, type NewExecution, reopenUnsentFailures } from '../executions/store';
import { addMissingSigningSecrets } from '../plugins/plugin-secrets';
import type { RegistryDeps } from '../registry-deps';
import type { DeliverableTarget, DispatchTarget } from './dispatch-target';
import { eventFingerprint, idempotencyKeys } from './idempotency';
import { refusalOf } from './refusal';
import type { RepeatedEvent } from './repeated-events';
import { loadRoutingRows, routeEvents } from './route-events';

/** An event this request recorded (or reopened) under its key: it answers for its outcome. */
export interface OwnedEvent {
  index: number;
  event: AutomationEvent;
  idempotencyKey: string;
  fingerprint: string;
  executionId: string;
  /** The job that delivers it (async); null for a refused event and a sync one. */
  jobId: string | null;
  target: DispatchTarget;
  /** Why it was refused before any call; absent for an event on its way. */
  refusal?: EventFailure;
}

export type DeliverableEvent = OwnedEvent & { target: DeliverableTarget; refusal?: undefined };

/** An event routed and checked, with the ledger row that records it. */
interface PreparedEvent {
  event: AutomationEvent;
  index: number;
  target: DispatchTarget;
  refusal: EventFailure | undefined;
  row: NewExecution;
}

export interface AcceptedBatch {
  flowExecutionId: string;
  owned: OwnedEvent[];
  /** Events whose key was recorded before: they answer with that record. */
  repeated: RepeatedEvent[];
}

/**
 * Accepts a batch: routes each event, refuses those that cannot be sent (unknown action,
 * missing fields, invalid payload), and records every event in the ledger in one transaction
 * so no accepted event can be lost. `async` events are `queued` for a worker, each with its
 * delivery job in the same transaction; `sync` ones are `running`, leased to this process,
 * which delivers them at once: they have no job unless they go on after the request (the
 * outcome recorder adds it), and if this process dies their lease lapses and a worker's sweep
 * queues them (`adoptOrphans`). Enqueuing a job costs about as much CPU as everything else a
 * sync event needs: measured in bench/README.md.
 */
export async function acceptEvents(
  deps: Pick<RegistryDeps, 'sql' | 'queue' | 'notifications' | 'instanceId' | 'metrics'>,
  tenantId: string,
  request: DispatchRequest,
  mode: DispatchMode,
  source: ExecutionSource,
): Promise<AcceptedBatch> {
  const flowExecutionId = request.flow_execution_id ?? `flow_${randomUUID()}`;
  const routing = await loadRoutingRows(deps.sql, tenantId, request.events);
  await addMissingSigningSecrets(deps.sql, [...routing.plugins.values()]);
  const targets = routeEvents(request.events, routing);
  const keyOf = idempotencyKeys(tenantId, flowExecutionId);
  const events = request.events.map((event, index): PreparedEvent => {
    const target = targets[index] as DispatchTarget;
    const refusal = refusalOf(target, event.payload);
    const plugin = target.kind === 'platform' ? undefined : target.plugin;
    const row: NewExecution = {
      id: randomUUID(),
      eventIndex: index,
      actionType: event.action_type,
      pluginId: plugin?.id ?? null,
      pluginSlug: plugin?.slug ?? null,
      payload: event.payload,
      idempotencyKey: keyOf(index, event),
      payloadHash: eventFingerprint(event),
      status: refusal ? 'failed' : mode === 'sync' ? 'running' : 'queued',
      // A sync event gets a job only if it goes on after this request (see outcome-recorder).
      jobId: refusal || mode === 'sync' ? null : randomUUID(),
      ...(refusal ? { failure: { error: refusal.message, code: refusal.code } } : {}),
    };
    return { event, index, target, refusal, row };
  });
  const record = async (tx: SqlRunner) => {
    const batch = { tenantId, flowExecutionId, mode, source, owner: deps.instanceId };
    const claimed = await insertExecutions(
      tx,
      batch,
      events.map((e) => e.row),
    );
    const owners = new Map<string, string>();
    for (const { row } of events) if (claimed.has(row.id)) owners.set(row.idempotencyKey, row.id);
    const recordedBefore = events.filter(({ row }) => !owners.has(row.idempotencyKey));
    const reopened = await reopenUnsentFailures(
      tx,
      tenantId,
      deps.instanceId,
      recordedBefore.map((e) => e.row),
    );
    for (const row of reopened) owners.set(row.idempotency_key, row.id);
    // A key used twice in one batch: its first event owns it (and only that one gets a job).
    const firstPerKey = new Map(events.toReversed().map((e) => [e.row.idempotencyKey, e]));
    const jobsFor = [...firstPerKey.values()].filter(
      ({ row }) => row.jobId && owners.has(row.idempotencyKey),
    );
    await deps.queue.enqueue(
      tx,
      jobsFor.map(({ row, target }) => ({
        id: row.jobId as string,
        executionId: owners.get(row.idempotencyKey) as string,
        pluginId: row.pluginId,
        maxInFlight: target.kind === 'plugin' ? target.plugin.delivery.max_in_flight : undefined,
      })),
    );
    if (mode === 'async' && jobsFor.length > 0) await deps.notifications.notify(tx);
    return owners;
  };
  // Sync events have no jobs to commit with their rows: each statement stands on its own, and
  // a transaction would only add two round trips.
  if (mode === 'async') await deps.queue.prepare();
  const owners = mode === 'sync' ? await record(deps.sql) : await inTransaction(deps.sql, record);
  return { flowExecutionId, ...ownedAndRepeated(deps, events, owners) };
}

/** Which events this request owns (it recorded their keys), and which repeat a key. */
function ownedAndRepeated(
  deps: Pick<RegistryDeps, 'metrics'>,
  events: ReadonlyArray<PreparedEvent>,
  owners: Map<string, string>,
): Omit<AcceptedBatch, 'flowExecutionId'> {
  const owned: OwnedEvent[] = [];
  const repeated: RepeatedEvent[] = [];
  const ownedKeys = new Set<string>();
  for (const { event, index, target, refusal, row } of events) {
    const executionId = owners.get(row.idempotencyKey);
    const keyed = {
      index,
      event,
      idempotencyKey: row.idempotencyKey,
      fingerprint: row.payloadHash,
    };
    if (executionId && !ownedKeys.has(row.idempotencyKey)) {
      ownedKeys.add(row.idempotencyKey);
      owned.push({ ...keyed, executionId, jobId: row.jobId, target, refusal });
      if (refusal) countRefusal(deps, target, event.action_type, refusal);
    } else {
      repeated.push(keyed);
    }
  }
  return { owned, repeated };
}

/** Unroutable events carry whatever action_type a caller sent: one label keeps series bounded. */
function countRefusal(
  deps: Pick<RegistryDeps, 'metrics'>,
  target: DispatchTarget,
  actionType: string,
  refusal: EventFailure,
): void {
  const plugin = target.kind === 'platform' ? 'platform' : (target.plugin?.slug ?? 'none');
  deps.metrics.eventFinished(
    target.kind === 'unroutable' ? 'unknown' : actionType,
    plugin,
    refusal.code,
  );
}
