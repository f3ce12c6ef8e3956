import { randomUUID } from 'node:crypto';
import type { DispatchRequest, DispatchResponse } from '@registry/contracts';
import pLimit from 'p-limit';
import type { RegistryDeps } from '../registry-deps';
import type { DispatchTarget } from './dispatch-target';
import { claimExecutions, type ExecutionOutcome } from './execution-log';
import { eventFingerprint, eventIdempotencyKey } from './idempotency';
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
  const jobs = request.events.map((event, index) => ({
    event,
    index,
    executionId: randomUUID(),
    target: targets[index] as DispatchTarget,
    idempotencyKey: eventIdempotencyKey(tenantId, flowExecutionId, index, event),
    fingerprint: eventFingerprint(event),
  }));
  const claimed = await claimExecutions(
    deps.sql,
    tenantId,
    flowExecutionId,
    jobs.map((job) => ({
      id: job.executionId,
      eventIndex: job.index,
      actionType: job.event.action_type,
      pluginId: pluginOf(job.target)?.id ?? null,
      pluginSlug: pluginOf(job.target)?.slug ?? null,
      payload: job.event.payload,
      idempotencyKey: job.idempotencyKey,
      payloadHash: job.fingerprint,
    })),
  );

  const limit = pLimit(deps.dispatch.concurrency);
  const recorder = createOutcomeRecorder(deps.sql);
  const owned: OwnedRuns = new Map();
  for (const job of jobs) {
    if (!claimed.has(job.executionId)) continue;
    const run = limit(async () => {
      const eventRun = await runEvent(deps, context, job);
      recorder.add(toOutcome(eventRun));
      return eventRun;
    });
    owned.set(job.idempotencyKey, {
      executionId: job.executionId,
      fingerprint: job.fingerprint,
      run,
    });
  }
  const repeated: RepeatedEvent[] = jobs.filter((job) => !claimed.has(job.executionId));
  const [ownResults, repeatedResults] = await Promise.all([
    Promise.all([...owned.values()].map(async ({ run }) => (await run).result)),
    settleRepeatedEvents(deps, context, repeated, owned, started + deps.dispatch.eventDeadlineMs),
  ]);
  // The plugins have been called: their answers reach the caller even if recording them fails.
  await recorder.finish().catch((error: unknown) => {
    deps.logger.error({ err: error, tenantId, flowExecutionId }, 'could not record event outcomes');
  });

  const results = [...ownResults, ...repeatedResults].sort((a, b) => a.index - b.index);
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
