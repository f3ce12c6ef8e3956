import type { DispatchRequest, DispatchResponse, ExecutionSource } from '@registry/contracts';
import pLimit from 'p-limit';
import type { DeliveryRun, EventDelivery } from '../delivery/deliver-event';
import { deliverPluginEvent } from '../delivery/deliver-event';
import { deliverPlatformEvent } from '../delivery/deliver-platform-event';
import type { RegistryDeps } from '../registry-deps';
import { acceptEvents, type DeliverableEvent, type OwnedEvent } from './accept-events';
import { respond } from './batch-response';
import { dryRunEvents } from './dry-run-events';
import { eventResult, refusedResult } from './event-result';
import { createOutcomeRecorder, type JobRoute } from './outcome-recorder';
import { type OwnedRuns, settleRepeatedEvents } from './repeated-events';

/**
 * Dispatches a batch and waits for the outcomes (the seed document's contract): every event is
 * recorded and queued durably first; then this request delivers them itself, at most
 * `concurrency` at once, retrying while the next attempt fits in the event deadline. An event
 * still failing then is answered `retrying` with its `next_attempt_at` and the queue goes on
 * with it; if this process dies meanwhile, a worker takes its events over. Results come in
 * input order; no event's failure fails another. A replayed key answers its recorded outcome.
 */
export async function dispatchEvents(
  deps: RegistryDeps,
  tenantId: string,
  request: DispatchRequest,
  /** Which door the events came in by, recorded on each execution. */
  source: ExecutionSource = 'api',
): Promise<DispatchResponse> {
  if (request.dry_run) return dryRunEvents(deps, tenantId, request, source);
  const started = performance.now();
  const deadline = started + deps.dispatch.eventDeadlineMs;
  const batch = await acceptEvents(deps, tenantId, request, 'sync', source);
  const context = { tenantId, flowExecutionId: batch.flowExecutionId };
  const limit = pLimit(deps.dispatch.concurrency);
  const recorder = createOutcomeRecorder(deps);
  const release = deps.leases.hold(
    batch.owned.flatMap((event) => (event.refusal ? [] : [event.executionId])),
  );
  const owned: OwnedRuns = new Map();
  try {
    for (const event of batch.owned) {
      const answer = event.refusal
        ? Promise.resolve(refusedResult(event))
        : limit(async () => {
            const run = await deliver(deps, context, event as DeliverableEvent, deadline);
            recorder.add(run, jobRoute(event as DeliverableEvent));
            return eventResult(event, run);
          });
      owned.set(event.idempotencyKey, {
        executionId: event.executionId,
        fingerprint: event.fingerprint,
        answer,
      });
    }
    const [ownResults, repeatedResults] = await Promise.all([
      Promise.all([...owned.values()].map(({ answer }) => answer)),
      settleRepeatedEvents(deps, context, batch.repeated, owned, deadline),
    ]);
    // The plugins have been called: their answers reach the caller even if recording them
    // fails (the lease then runs out and a worker delivers those events again, same webhook-id).
    await recorder.finish().catch((error: unknown) => {
      deps.logger.error({ err: error, ...context }, 'could not record event outcomes');
    });
    return respond(batch.flowExecutionId, [...ownResults, ...repeatedResults], started);
  } finally {
    release();
  }
}

function deliver(
  deps: RegistryDeps,
  context: { tenantId: string; flowExecutionId: string },
  event: DeliverableEvent,
  deadline: number,
): Promise<DeliveryRun> {
  const delivery: EventDelivery = {
    executionId: event.executionId,
    ...context,
    actionType: event.event.action_type,
    payload: event.event.payload,
    webhookId: event.idempotencyKey,
    attemptsMade: 0,
    scheduleStart: 0,
    target: event.target,
  };
  return delivery.target.kind === 'platform'
    ? deliverPlatformEvent(deps, { ...delivery, target: delivery.target }, deps.instanceId)
    : deliverPluginEvent(deps, { ...delivery, target: delivery.target }, deadline);
}

function jobRoute(event: DeliverableEvent): JobRoute {
  if (event.target.kind === 'platform') return { pluginId: null };
  const { plugin } = event.target;
  return { pluginId: plugin.id, maxInFlight: plugin.delivery.max_in_flight };
}

export type { OwnedEvent };
