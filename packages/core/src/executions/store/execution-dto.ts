import type { Attempt, Execution, OutputMismatch } from '@registry/contracts';

/** The columns an execution is shown with, as `ExecutionRow` names them. */
export const EXECUTION_COLUMNS = `id::text, flow_execution_id, event_index, action_type,
  plugin_id::text, plugin_slug, status, mode, payload, result, output_mismatch, source, error,
  error_code, duration_ms, created_at, completed_at, idempotency_key, attempts, next_attempt_at,
  dry_run`;

export interface ExecutionRow {
  id: string;
  flow_execution_id: string;
  event_index: number;
  action_type: string;
  plugin_id: string | null;
  plugin_slug: string | null;
  status: string;
  mode: string;
  payload: unknown;
  result: unknown;
  output_mismatch: OutputMismatch | null;
  source: string;
  error: string | null;
  error_code: string | null;
  duration_ms: number | null;
  created_at: Date;
  completed_at: Date | null;
  idempotency_key: string | null;
  attempts: unknown;
  next_attempt_at: Date | null;
  dry_run: boolean;
}

/** An execution as the API shows it. */
export function toExecutionDto(row: ExecutionRow): Execution {
  return {
    id: row.id,
    flow_execution_id: row.flow_execution_id,
    event_index: row.event_index,
    action_type: row.action_type,
    plugin_id: row.plugin_id,
    plugin_slug: row.plugin_slug,
    status: row.status as Execution['status'],
    mode: row.mode as Execution['mode'],
    payload: row.payload,
    result: row.result,
    output_mismatch: row.output_mismatch,
    source: row.source as Execution['source'],
    error: row.error,
    error_code: row.error_code,
    duration_ms: row.duration_ms,
    created_at: row.created_at.toISOString(),
    completed_at: row.completed_at?.toISOString() ?? null,
    idempotency_key: row.idempotency_key,
    attempts: Array.isArray(row.attempts) ? (row.attempts as Attempt[]) : [],
    next_attempt_at: row.next_attempt_at?.toISOString() ?? null,
    dry_run: row.dry_run,
  };
}
