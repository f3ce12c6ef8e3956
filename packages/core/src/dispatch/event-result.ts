import type { EventResult } from '@registry/contracts';
import { deprecationWarnings } from '../actions/deprecation-warnings';
import type { DeliveryRun } from '../delivery/deliver-event';
import type { OwnedEvent } from './accept-events';

/** The answer for an event this request delivered. */
export function eventResult(event: OwnedEvent, run: DeliveryRun): EventResult {
  const base = {
    ...baseOf(event),
    duration_ms: run.durationMs,
    attempts: run.attempts.length,
    status: run.status,
  };
  if (run.status === 'succeeded') {
    const mismatch = run.outputMismatch ? { output_mismatch: run.outputMismatch } : {};
    return { ...base, success: true, result: run.result, ...mismatch };
  }
  const httpStatus = run.failure?.httpStatus ?? run.attempts.at(-1)?.http_status ?? undefined;
  return {
    ...base,
    success: false,
    error: run.error ?? 'The event failed',
    error_code: run.errorCode ?? 'INTERNAL_ERROR',
    ...(httpStatus ? { http_status: httpStatus } : {}),
    ...(run.nextAttemptAt ? { next_attempt_at: run.nextAttemptAt.toISOString() } : {}),
  };
}

/** The answer for an event refused before any call (nothing was sent). */
export function refusedResult(event: OwnedEvent): EventResult {
  const refusal = event.refusal;
  return {
    ...baseOf(event),
    duration_ms: 0,
    attempts: 0,
    status: 'failed',
    success: false,
    error: refusal?.message ?? 'The event was refused',
    error_code: refusal?.code ?? 'INTERNAL_ERROR',
    ...(refusal?.httpStatus ? { http_status: refusal.httpStatus } : {}),
  };
}

function baseOf(event: OwnedEvent) {
  const plugin = event.target.kind === 'platform' ? undefined : event.target.plugin;
  const warnings = event.target.kind === 'plugin' ? deprecationWarnings(event.target.action) : [];
  return {
    index: event.index,
    execution_id: event.executionId,
    action_type: event.event.action_type,
    ...(plugin ? { plugin_id: plugin.id, plugin_slug: plugin.slug } : {}),
    ...(warnings.length > 0 ? { warnings } : {}),
  };
}
