import type { Attempt, EventErrorCode, ExecutionStatus, OutputMismatch } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { ROLLUP_SETTLED_CTE } from '../../actions/health/health-rollup';
import { latencyBucket } from '../../actions/health/latency-buckets';
import { toStorableJson, toStorableText } from './storable-json';

/** Where one delivery run left an event. */
export interface ExecutionOutcome {
  id: string;
  status: Exclude<ExecutionStatus, 'running'>;
  result?: unknown;
  /** How a succeeded answer broke its action's output_schema. */
  outputMismatch?: OutputMismatch;
  error?: string;
  errorCode?: EventErrorCode;
  /** Time this run spent on the event, added to the row's total. */
  durationMs: number;
  /** The attempts this run made, appended to the row's. */
  attempts: Attempt[];
  /** `retrying`, or `queued` held back: when delivery goes on, and the job that will do it. */
  nextAttemptAt?: Date;
  jobId?: string | null;
}

/**
 * Writes outcomes in one statement, releasing the lease. Only rows this process still holds
 * (`owner`) are written: one whose lease another process took over is theirs to settle. The
 * same statement adds the final ones to the hourly health rollup (a call's latency: its
 * delivering attempt's, or the run's for a platform action, which makes no plugin call).
 * Returns the ids written.
 */
export async function settleExecutions(
  sql: SqlRunner,
  owner: string,
  outcomes: readonly ExecutionOutcome[],
): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const { rows } = await sql.query<{ id: string }>({
    text: `WITH settled AS (
           UPDATE action_executions AS e
           SET status = v.status,
               result = CASE WHEN v.status = 'succeeded' THEN v.result::jsonb END,
               output_mismatch = CASE WHEN v.status = 'succeeded' THEN v.output_mismatch::jsonb END,
               error = v.error, error_code = v.error_code,
               duration_ms = coalesce(e.duration_ms, 0) + v.duration_ms,
               attempts = e.attempts || v.attempts::jsonb,
               next_attempt_at = v.next_attempt_at,
               job_id = CASE WHEN v.status IN ('retrying', 'queued') THEN v.job_id END,
               completed_at = CASE WHEN v.status IN ('succeeded', 'failed', 'dead') THEN now() END,
               lease_owner = NULL, lease_until = NULL
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::float8[], $8::text[], $9::timestamptz[], $10::uuid[], $11::text[],
                       $12::int[])
             AS v(id, status, result, error, error_code, duration_ms, attempts, next_attempt_at,
                  job_id, output_mismatch, latency_bucket)
           WHERE e.id = v.id AND e.status = 'running' AND e.lease_owner = $1
           RETURNING e.id::text AS id, e.tenant_id, e.plugin_id, e.action_type, e.status,
                     e.error_code, v.latency_bucket
           ), ${ROLLUP_SETTLED_CTE}
           SELECT id FROM settled`,
    values: [
      owner,
      outcomes.map((o) => o.id),
      outcomes.map((o) => o.status),
      outcomes.map((o) => (o.status === 'succeeded' ? toStorableJson(o.result) : null)),
      outcomes.map((o) => (o.error === undefined ? null : toStorableText(o.error))),
      outcomes.map((o) => o.errorCode ?? null),
      outcomes.map((o) => o.durationMs),
      outcomes.map((o) => JSON.stringify(o.attempts)),
      outcomes.map((o) => o.nextAttemptAt ?? null),
      outcomes.map((o) => o.jobId ?? null),
      outcomes.map((o) => (o.outputMismatch ? toStorableJson(o.outputMismatch) : null)),
      outcomes.map((o) => latencyBucket(o.attempts.at(-1)?.duration_ms ?? o.durationMs)),
    ],
  });
  return new Set(rows.map((row) => row.id));
}
