import { randomUUID } from 'node:crypto';
import type {
  AutomationEvent,
  DispatchRequest,
  DispatchResponse,
  EventResult,
} from '@registry/contracts';
import pLimit from 'p-limit';
import { EventFailure } from '../errors/event-failure';
import { runPlatformAction } from '../platform/run-platform-action';
import type { RegistryDeps } from '../registry-deps';
import { callPluginAction } from './call-plugin-action';
import type { DispatchTarget } from './dispatch-target';
import { type ExecutionOutcome, recordPending } from './execution-log';
import { createOutcomeRecorder } from './outcome-recorder';
import { resolveTargets } from './resolve-targets';

/**
 * Dispatches a batch of automation events: each goes to its plugin or platform action, at most
 * `concurrency` at once; each gets its own result, in input order; no event's failure fails
 * another. Every event is recorded before any is called and completed afterwards.
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
  const targets = await resolveTargets(deps.sql, tenantId, request.events);
  const executionIds = request.events.map(() => randomUUID());
  await recordPending(
    deps.sql,
    tenantId,
    flowExecutionId,
    request.events.map((event, index) => ({
      id: executionIds[index] as string,
      eventIndex: index,
      actionType: event.action_type,
      pluginId: pluginOf(targets[index])?.id ?? null,
      pluginSlug: pluginOf(targets[index])?.slug ?? null,
      payload: event.payload,
    })),
  );

  const limit = pLimit(deps.dispatch.concurrency);
  const recorder = createOutcomeRecorder(deps.sql);
  const results = await Promise.all(
    request.events.map((event, index) =>
      limit(async () => {
        const result = await runEvent(deps, tenantId, flowExecutionId, {
          event,
          index,
          executionId: executionIds[index] as string,
          target: targets[index] as DispatchTarget,
        });
        recorder.add(toOutcome(result));
        return result;
      }),
    ),
  );
  // The plugins have been called: their answers reach the caller even if recording them fails.
  await recorder.finish().catch((error: unknown) => {
    deps.logger.error({ err: error, tenantId, flowExecutionId }, 'could not record event outcomes');
  });

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

interface EventJob {
  event: AutomationEvent;
  index: number;
  executionId: string;
  target: DispatchTarget;
}

async function runEvent(
  deps: RegistryDeps,
  tenantId: string,
  flowExecutionId: string,
  { event, index, executionId, target }: EventJob,
): Promise<EventResult> {
  const started = performance.now();
  const plugin = pluginOf(target);
  const base = {
    index,
    execution_id: executionId,
    action_type: event.action_type,
    ...(plugin ? { plugin_id: plugin.id, plugin_slug: plugin.slug } : {}),
  };
  try {
    const result = await perform(deps, tenantId, flowExecutionId, event, target);
    return { ...base, success: true, result, duration_ms: roundMs(performance.now() - started) };
  } catch (error) {
    const failure = toFailure(error);
    const context = {
      tenantId,
      flowExecutionId,
      index,
      actionType: event.action_type,
      plugin: plugin?.slug,
      reason: failure.code,
    };
    if (failure.code === 'INTERNAL_ERROR') {
      deps.logger.error({ ...context, err: error }, 'automation event failed unexpectedly');
    } else {
      deps.logger.info(context, 'automation event failed');
    }
    return {
      ...base,
      success: false,
      error: failure.message,
      error_code: failure.code,
      ...(failure.httpStatus ? { http_status: failure.httpStatus } : {}),
      duration_ms: roundMs(performance.now() - started),
    };
  }
}

function perform(
  deps: RegistryDeps,
  tenantId: string,
  flowExecutionId: string,
  event: AutomationEvent,
  target: DispatchTarget,
): Promise<unknown> {
  switch (target.kind) {
    case 'unroutable':
      throw target.failure;
    case 'platform':
      return runPlatformAction(target.action, { db: deps.db, tenantId }, event.payload);
    case 'plugin':
      return callPluginAction(deps.pluginHttp, {
        plugin: target.plugin,
        action: target.action,
        payload: event.payload,
        flowExecutionId,
        timeoutMs: deps.dispatch.timeoutMs,
      });
  }
}

/** Unexpected errors fail the event with a generic message; details go to the log only. */
function toFailure(error: unknown): EventFailure {
  if (error instanceof EventFailure) return error;
  return new EventFailure('INTERNAL_ERROR', 'The action failed unexpectedly; see the server log');
}

function pluginOf(target: DispatchTarget | undefined) {
  return target && target.kind !== 'platform' ? target.plugin : undefined;
}

function toOutcome(result: EventResult): ExecutionOutcome {
  return result.success
    ? {
        id: result.execution_id,
        success: true,
        result: result.result,
        durationMs: result.duration_ms,
      }
    : {
        id: result.execution_id,
        success: false,
        error: result.error,
        errorCode: result.error_code,
        durationMs: result.duration_ms,
      };
}

function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
