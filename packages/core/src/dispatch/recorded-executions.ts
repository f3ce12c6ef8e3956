import { setTimeout as sleep } from 'node:timers/promises';
import {
  type EventResult,
  type ExecutionStatus,
  FINAL_EXECUTION_STATUSES,
} from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { loadExecutionsByKey, type RecordedExecution } from '../executions/store';

const isFinal = (status: ExecutionStatus) => FINAL_EXECUTION_STATUSES.includes(status);

/**
 * The executions recorded under `keys`, waiting while any is still in flight (here, in another
 * process, or in the queue) until `deadline`; whatever is in flight then is answered as such.
 */
export async function awaitRecordedExecutions(
  sql: SqlRunner,
  tenantId: string,
  keys: readonly string[],
  deadline: number,
): Promise<Map<string, RecordedExecution>> {
  const recorded = new Map<string, RecordedExecution>();
  let waiting = [...new Set(keys)];
  for (let pause = 20; ; pause = Math.min(pause * 2, 250)) {
    for (const row of await loadExecutionsByKey(sql, tenantId, waiting)) {
      recorded.set(row.idempotency_key, row);
    }
    waiting = waiting.filter((key) => {
      const status = recorded.get(key)?.status;
      return status !== undefined && !isFinal(status);
    });
    if (waiting.length === 0 || performance.now() + pause >= deadline) return recorded;
    await sleep(pause);
  }
}

/** The recorded outcome (or state, when still in flight), answered for the event at `index`. */
export function replayedResult(recorded: RecordedExecution, index: number): EventResult {
  const base = {
    index,
    execution_id: recorded.id,
    action_type: recorded.action_type,
    ...(recorded.plugin_id ? { plugin_id: recorded.plugin_id } : {}),
    ...(recorded.plugin_slug ? { plugin_slug: recorded.plugin_slug } : {}),
    duration_ms: recorded.duration_ms ?? 0,
    attempts: recorded.attempts.length,
    replayed: true as const,
    status: recorded.status,
  };
  if (recorded.status === 'succeeded') {
    const mismatch = recorded.output_mismatch;
    return {
      ...base,
      success: true,
      result: recorded.result,
      ...(mismatch ? { output_mismatch: mismatch } : {}),
    };
  }
  const httpStatus = recorded.attempts.at(-1)?.http_status;
  const inFlight = !isFinal(recorded.status);
  return {
    ...base,
    success: false,
    error:
      recorded.error ??
      (inFlight
        ? `The event is still being delivered (${recorded.status}); see GET /api/executions/${recorded.id}`
        : 'The event failed'),
    error_code: recorded.error_code ?? (inFlight ? 'IN_PROGRESS' : 'INTERNAL_ERROR'),
    ...(httpStatus ? { http_status: httpStatus } : {}),
    ...(recorded.next_attempt_at
      ? { next_attempt_at: recorded.next_attempt_at.toISOString() }
      : {}),
  };
}
