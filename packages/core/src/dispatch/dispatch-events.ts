import { randomUUID } from 'node:crypto';
import type { DispatchRequest, DispatchResponse, EventResult } from '@registry/contracts';
import pLimit from 'p-limit';
import type { RegistryDeps } from '../registry-deps';
import { claimEvents } from './claim-events';
import type { DispatchTarget } from './dispatch-target';
import type { ExecutionOutcome } from './execution-log';
import { eventFingerprint, idempotencyKeys } from './idempotency';
import { createOutcomeRecorder } from './outcome-recorder';
import { type OwnedRuns, type RepeatedEvent, settleRepeatedEvents } from './repeated-events';
import { resolveTargets } from './resolve-targets';
import { type EventRun, pluginOf, roundMs, runEvent } from './run-event';

/**
 * Dispatches a batch of automation events: each goes to its plugin or platform action, at most
 * `concurrency` at once; each gets its own result, in input order; no event's failure fails
 * another. Every event is recorded before any is called and completed afterwards. An event
 * whose idempotency key is already recorded is not run again: its recorded outcome is returned.
 *
 * A plain function of its inputs, so a request handler and a queue worker can both call it.
 */
export async function dispatchEvents(
  deps: RegistryDeps,
  tenantId: string,
  request: DispatchRequest,
): Promise<DispatchResponse> {
  const started = performance.now();
  const flowExecutionId = request.flow_execution_id ?? `flow_${randomUUID()}`;
  const context = { tenantId, flowExecutionId };
  const targets = await resolveTargets(deps.sql, tenantId, request.events);
  const keyOf = idempotencyKeys(tenantId, flowExecutionId);
  const jobs = request.events.map((event, index) => {
    const target = targets[index] as DispatchTarget;
    const idempotencyKey = keyOf(index, event);
    const fingerprint = eventFingerprint(event);
    const record = {
      id: randomUUID(),
      eventIndex: index,
      actionType: event.action_type,
      pluginId: pluginOf(target)?.id ?? null,
      pluginSlug: pluginOf(target)?.slug ?? null,
      payload: event.payload,
      idempotencyKey,
      payloadHash: fingerprint,
    };
    return { event, index, target, idempotencyKey, fingerprint, record };
  });
  const owners = await claimEvents(deps, tenantId, flowExecutionId, jobs);

  const limit = pLimit(deps.dispatch.concurrency);
  const recorder = createOutcomeRecorder(deps.sql);
  const owned: OwnedRuns = new Map();
  const repeated: RepeatedEvent[] = [];
  for (const job of jobs) {
    const owner = owners.get(job.idempotencyKey);
    if (owner?.index !== job.index) {
      repeated.push(job);
      continue;
    }
    const run = limit(async () => {
      const eventRun = await runEvent(deps, context, { ...job, executionId: owner.executionId });
      recorder.add(toOutcome(eventRun));
      return eventRun;
    });
    owned.set(job.idempotencyKey, { ...owner, fingerprint: job.fingerprint, run });
  }
  const [ownResults, repeatedResults] = await Promise.all([
    Promise.all([...owned.values()].map(async ({ run }) => (await run).result)),
    settleRepeatedEvents(deps, context, repeated, owned, started + deps.dispatch.eventDeadlineMs),
  ]);
  // The plugins have been called: their answers reach the caller even if recording them fails.
  await recorder.finish().catch((error: unknown) => {
    deps.logger.error({ err: error, tenantId, flowExecutionId }, 'could not record event outcomes');
  });
  return respond(flowExecutionId, [...ownResults, ...repeatedResults], started);
}

function respond(
  flowExecutionId: string,
  unordered: EventResult[],
  started: number,
): DispatchResponse {
  const results = unordered.sort((a, b) => a.index - b.index);
  const successful = results.filter((result) => result.success).length;
  return {
    flow_execution_id: flowExecutionId,
    results,
    summary: {
      total: results.length,
      successful,
      failed: results.length - successful,
      duration_ms: roundMs(performance.now() - started),
    },
  };
}

function toOutcome({ result, attempts }: EventRun): ExecutionOutcome {
  const common = { id: result.execution_id, durationMs: result.duration_ms, attempts };
  return result.success
    ? { ...common, success: true, result: result.result }
    : { ...common, success: false, error: result.error, errorCode: result.error_code };
}
