import type { Attempt, EventErrorCode, ExecutionStatus, OutputMismatch } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';

/** An execution recorded under an idempotency key another event (or request) claimed first. */
export interface RecordedExecution {
  id: string;
  idempotency_key: string;
  payload_hash: string | null;
  status: ExecutionStatus;
  action_type: string;
  plugin_id: string | null;
  plugin_slug: string | null;
  result: unknown;
  output_mismatch: OutputMismatch | null;
  error: string | null;
  error_code: EventErrorCode | null;
  duration_ms: number | null;
  attempts: Attempt[];
  next_attempt_at: Date | null;
}

/** The tenant's executions recorded under these idempotency keys (a replay answers with them). */
export async function loadExecutionsByKey(
  sql: SqlRunner,
  tenantId: string,
  keys: readonly string[],
): Promise<RecordedExecution[]> {
  if (keys.length === 0) return [];
  const { rows } = await sql.query<RecordedExecution>({
    text: `SELECT id::text, idempotency_key, payload_hash, status, action_type,
                  plugin_id::text, plugin_slug, result, output_mismatch, error, error_code, duration_ms, attempts,
                  next_attempt_at
           FROM action_executions
           WHERE tenant_id = $1 AND idempotency_key = ANY($2::text[])`,
    values: [tenantId, keys],
  });
  return rows;
}
