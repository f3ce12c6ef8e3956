import type { SqlRunner } from '@registry/db';

/**
 * A delivering process's claims (leases) on ledger rows: taken by a worker for its jobs, renewed
 * while it delivers, and given up by a process that dies, so another can take the event over.
 */

/** How long a delivering process's claim on a row holds unless renewed (see lease-keeper). */
export const LEASE_MS = 10_000;

/** An event a worker claimed: what delivering it needs from its row. */
export interface ClaimedExecution {
  id: string;
  tenant_id: string;
  flow_execution_id: string;
  action_type: string;
  plugin_id: string | null;
  payload: Record<string, unknown>;
  idempotency_key: string;
  /** Attempts made so far, and how many of them came before the current retry schedule. */
  attempts_made: number;
  schedule_start: number;
}

/**
 * Claims the rows these jobs deliver, for `owner`: each only while the job is the one the row
 * names, and the row waits for delivery (`queued`, `retrying`) or its holder stopped renewing
 * its lease (a process that died mid-call). Returns the rows claimed.
 */
export async function claimExecutions(
  sql: SqlRunner,
  owner: string,
  jobs: ReadonlyArray<{ executionId: string; jobId: string }>,
): Promise<ClaimedExecution[]> {
  if (jobs.length === 0) return [];
  const { rows } = await sql.query<ClaimedExecution>({
    text: `UPDATE action_executions AS e
           SET status = 'running', lease_owner = $1,
               lease_until = now() + $2 * interval '1 millisecond'
           FROM unnest($3::uuid[], $4::uuid[]) AS j(execution_id, job_id)
           WHERE e.id = j.execution_id AND e.job_id = j.job_id
             AND ((e.status IN ('queued', 'retrying')
                   AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= now()))
                  OR (e.status = 'running' AND (e.lease_until IS NULL OR e.lease_until < now())))
           RETURNING e.id::text, e.tenant_id::text, e.flow_execution_id, e.action_type,
                     e.plugin_id::text, e.payload, e.idempotency_key,
                     jsonb_array_length(e.attempts) AS attempts_made, e.schedule_start`,
    values: [owner, LEASE_MS, jobs.map((job) => job.executionId), jobs.map((job) => job.jobId)],
  });
  return rows;
}

/**
 * For jobs whose rows could not be claimed: when each should come back (another process holds
 * the row until its lease ends, or its next attempt is later), by execution id. Jobs left out
 * are stale: their row is over, or another job delivers it.
 */
export async function dueAgainAt(
  sql: SqlRunner,
  jobs: ReadonlyArray<{ executionId: string; jobId: string }>,
): Promise<Map<string, Date>> {
  if (jobs.length === 0) return new Map();
  const { rows } = await sql.query<{ id: string; due: Date }>({
    text: `SELECT e.id::text,
                  CASE WHEN e.status = 'running' THEN e.lease_until ELSE e.next_attempt_at END AS due
           FROM action_executions e
           JOIN unnest($1::uuid[], $2::uuid[]) AS j(execution_id, job_id)
             ON e.id = j.execution_id AND e.job_id = j.job_id
           WHERE (e.status = 'running' AND e.lease_until >= now())
              OR (e.status IN ('queued', 'retrying') AND e.next_attempt_at > now())`,
    values: [jobs.map((job) => job.executionId), jobs.map((job) => job.jobId)],
  });
  return new Map(rows.map((row) => [row.id, row.due]));
}

/** Keeps this process's claims on these rows alive while it delivers; returns how many. */
export async function renewLeases(
  sql: SqlRunner,
  owner: string,
  executionIds: readonly string[],
): Promise<number> {
  if (executionIds.length === 0) return 0;
  const { rowCount } = await sql.query({
    text: `UPDATE action_executions SET lease_until = now() + $2 * interval '1 millisecond'
           WHERE lease_owner = $1 AND status = 'running' AND id = ANY($3::uuid[])`,
    values: [owner, LEASE_MS, executionIds],
  });
  return rowCount ?? 0;
}

/**
 * Rows no job delivers whose holder is gone: a sync request's events (they have no job while
 * their request delivers them) whose process died or gave them up, so their lease lapsed, and
 * rows left by a process that died before the queue existed. Each becomes `queued` with a job id
 * to enqueue; returns them. Several workers may sweep at once: a row one of them took no longer
 * matches `job_id IS NULL` when the other's update reaches it.
 */
export async function adoptOrphans(
  tx: SqlRunner,
): Promise<Array<{ id: string; job_id: string; plugin_id: string | null }>> {
  const { rows } = await tx.query<{ id: string; job_id: string; plugin_id: string | null }>({
    text: `UPDATE action_executions SET status = 'queued', job_id = gen_random_uuid(),
                  lease_owner = NULL, lease_until = NULL
           WHERE job_id IS NULL AND status IN ('queued', 'running', 'retrying')
             AND (lease_until IS NULL OR lease_until < now())
           RETURNING id::text, job_id::text, plugin_id::text`,
  });
  return rows;
}
