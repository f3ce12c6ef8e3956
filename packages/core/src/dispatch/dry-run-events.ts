import { randomUUID } from 'node:crypto';
import type {
  DispatchRequest,
  DispatchResponse,
  EventResult,
  ExecutionSource,
} from '@registry/contracts';
import pLimit from 'p-limit';
import type { DeliveryRun } from '../delivery/deliver-event';
import { dryRunPlatformAction } from '../delivery/dry-run-platform-event';
import { dryRunPluginEvent } from '../delivery/dry-run-plugin-event';
import { EventFailure } from '../errors/event-failure';
import { type DryRunRecord, insertDryRunRecords } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';
import type { DeliverableEvent, OwnedEvent } from './accept-events';
import { respond } from './batch-response';
import { eventResult, refusedResult } from './event-result';
import { idempotencyKeys } from './idempotency';
import { refusalOf } from './refusal';
import { loadRoutingRows, routeEvents } from './route-events';

type Deps = Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp' | 'dispatch' | 'logger'>;

/**
 * A dry run of a batch (`"dry_run": true`): routing, required fields and schemas are checked
 * as in a real run, then each event goes as far as the call (platform actions run and roll
 * back; plugins are called only when their action `supports_dry_run`). Nothing is written but
 * one `dry_run` record per event in history: no idempotency key is claimed, no job queued,
 * nothing retried, no circuit or rate state touched. Answered in the sync shape.
 */
export async function dryRunEvents(
  deps: Deps,
  tenantId: string,
  request: DispatchRequest,
  source: ExecutionSource,
): Promise<DispatchResponse> {
  const started = performance.now();
  const flowExecutionId = request.flow_execution_id ?? `flow_${randomUUID()}`;
  const targets = routeEvents(
    request.events,
    await loadRoutingRows(deps.sql, tenantId, request.events),
  );
  const keyOf = idempotencyKeys(tenantId, flowExecutionId);
  const limit = pLimit(deps.dispatch.concurrency);
  const tried = await Promise.all(
    request.events.map((event, index) =>
      limit(async () => {
        const target = targets[index] as OwnedEvent['target'];
        const owned: OwnedEvent = {
          index,
          event,
          idempotencyKey: keyOf(index, event),
          fingerprint: '',
          executionId: randomUUID(),
          jobId: null,
          target,
          refusal: refusalOf(target, event.payload),
        };
        if (owned.refusal) return { owned, result: refusedResult(owned), attempts: [] };
        return tryEvent(deps, { tenantId, flowExecutionId }, owned as DeliverableEvent);
      }),
    ),
  );
  await insertDryRunRecords(
    deps.sql,
    { tenantId, flowExecutionId, source },
    tried.map(({ owned, result, attempts }) => dryRunRecord(owned, result, attempts)),
  );
  const results = tried.map(({ result }) => ({ ...result, dry_run: true as const }));
  return { ...respond(flowExecutionId, results, started), dry_run: true };
}

interface Tried {
  owned: OwnedEvent;
  result: EventResult;
  attempts: DeliveryRun['attempts'];
}

async function tryEvent(
  deps: Deps,
  context: { tenantId: string; flowExecutionId: string },
  owned: DeliverableEvent,
): Promise<Tried> {
  const started = performance.now();
  const { target, event } = owned;
  const run = (outcome: {
    result?: unknown;
    failure?: EventFailure;
    attempts?: DeliveryRun['attempts'];
  }) => {
    const attempts = outcome.attempts ?? [];
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    const base = { id: owned.executionId, durationMs, attempts };
    const delivery: DeliveryRun = outcome.failure
      ? {
          ...base,
          status: 'failed',
          error: outcome.failure.message,
          errorCode: outcome.failure.code,
          failure: outcome.failure,
        }
      : { ...base, status: 'succeeded', result: outcome.result };
    return { owned, result: eventResult(owned, delivery), attempts };
  };
  if (target.kind === 'plugin') {
    const tried = await dryRunPluginEvent(deps, target, {
      executionId: owned.executionId,
      webhookId: owned.idempotencyKey,
      flowExecutionId: context.flowExecutionId,
      payload: event.payload,
    });
    const done = run(tried);
    return { ...done, result: { ...done.result, request: tried.request } };
  }
  try {
    return run({
      result: await dryRunPlatformAction(deps, context.tenantId, target.action, event.payload),
    });
  } catch (error) {
    if (error instanceof EventFailure) return run({ failure: error });
    deps.logger.error(
      { err: error, tenantId: context.tenantId, actionType: event.action_type },
      'dry run failed unexpectedly',
    );
    return run({
      failure: new EventFailure(
        'INTERNAL_ERROR',
        'The action failed unexpectedly; see the server log',
      ),
    });
  }
}

function dryRunRecord(
  owned: OwnedEvent,
  result: EventResult,
  attempts: DeliveryRun['attempts'],
): DryRunRecord {
  const plugin = owned.target.kind === 'platform' ? undefined : owned.target.plugin;
  return {
    id: owned.executionId,
    eventIndex: owned.index,
    actionType: owned.event.action_type,
    pluginId: plugin?.id ?? null,
    pluginSlug: plugin?.slug ?? null,
    payload: owned.event.payload,
    durationMs: result.duration_ms,
    attempts,
    ...(result.success
      ? { status: 'succeeded', result: result.result }
      : { status: 'failed', failure: { error: result.error, code: result.error_code } }),
  };
}
