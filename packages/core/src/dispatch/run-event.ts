import type { Attempt, AutomationEvent, EventResult } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import { runPlatformAction } from '../platform/run-platform-action';
import type { RegistryDeps } from '../registry-deps';
import { callPluginAction } from './call-plugin-action';
import type { DeliveryResult } from './deliver-plugin-event';
import type { DispatchTarget } from './dispatch-target';

export interface EventJob {
  event: AutomationEvent;
  index: number;
  executionId: string;
  target: DispatchTarget;
  idempotencyKey: string;
}

export interface EventContext {
  tenantId: string;
  flowExecutionId: string;
}

/** An event's result, and the attempts behind it for the execution record. */
export interface EventRun {
  result: EventResult;
  attempts: Attempt[];
}

/** Runs one event to its result: never throws, whatever the plugin or action does. */
export async function runEvent(
  deps: RegistryDeps,
  context: EventContext,
  job: EventJob,
): Promise<EventRun> {
  const started = performance.now();
  const { event, index, target } = job;
  const plugin = pluginOf(target);
  const outcome = await perform(deps, context, job, started + deps.dispatch.eventDeadlineMs);
  const { attempts } = outcome;
  const base = {
    index,
    execution_id: job.executionId,
    action_type: event.action_type,
    ...(plugin ? { plugin_id: plugin.id, plugin_slug: plugin.slug } : {}),
    duration_ms: roundMs(performance.now() - started),
    attempts: attempts.length,
  };
  // Unroutable events carry whatever action_type a caller sent: one label value for them all
  // keeps the number of series bounded.
  const [actionLabel, pluginLabel] =
    target.kind === 'unroutable'
      ? ['unknown', plugin?.slug ?? 'none']
      : [event.action_type, plugin?.slug ?? 'platform'];
  deps.metrics.eventFinished(
    actionLabel,
    pluginLabel,
    outcome.ok ? 'success' : outcome.failure.code,
  );
  if (outcome.ok) return { result: { ...base, success: true, result: outcome.body }, attempts };
  const { failure } = outcome;
  const log = {
    ...context,
    eventKey: job.idempotencyKey,
    index,
    actionType: event.action_type,
    plugin: plugin?.slug,
    attempts: attempts.length,
    reason: failure.code,
  };
  if (failure.code === 'INTERNAL_ERROR') {
    deps.logger.error({ ...log, err: outcome.cause }, 'automation event failed unexpectedly');
  } else {
    deps.logger.info(log, 'automation event failed');
  }
  const result: EventResult = {
    ...base,
    success: false,
    error: failure.message,
    error_code: failure.code,
    ...(failure.httpStatus ? { http_status: failure.httpStatus } : {}),
  };
  return { result, attempts };
}

/** What `perform` learned; `cause` keeps an unexpected error for the log. */
type Outcome = DeliveryResult & { cause?: unknown };

async function perform(
  deps: RegistryDeps,
  { tenantId, flowExecutionId }: EventContext,
  { event, target, idempotencyKey }: EventJob,
  deadline: number,
): Promise<Outcome> {
  try {
    switch (target.kind) {
      case 'unroutable':
        throw target.failure;
      case 'platform': {
        const body = await runPlatformAction(
          target.action,
          { db: deps.db, tenantId },
          event.payload,
        );
        return { ok: true, body, attempts: [] };
      }
      case 'plugin':
        return await callPluginAction(deps, {
          tenantId,
          flowExecutionId,
          plugin: target.plugin,
          action: target.action,
          payload: event.payload,
          idempotencyKey,
          deadline,
        });
    }
  } catch (error) {
    return { ok: false, failure: toFailure(error), attempts: [], cause: error };
  }
}

/** Unexpected errors fail the event with a generic message; details go to the log only. */
function toFailure(error: unknown): EventFailure {
  if (error instanceof EventFailure) return error;
  return new EventFailure('INTERNAL_ERROR', 'The action failed unexpectedly; see the server log');
}

export function pluginOf(target: DispatchTarget | undefined) {
  return target && target.kind !== 'platform' ? target.plugin : undefined;
}

export function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}
