import type { Attempt, EventErrorCode, ExecutionStatus } from '@registry/contracts';
import { toStorableJson, toStorableText } from '../dispatch/storable-json';
import type { SqlRunner } from './sql-runner';

/**
 * The ledger of dispatched events (`action_executions`) as dispatch and delivery write it: one
 * row per event, claimed under its idempotency key, leased while a process delivers it, settled
 * with each outcome. Plain SQL (no Prisma): this is the hot path. Statements are unnamed:
 * embedded PostgreSQL serves every connection from one session, where named prepared
 * statements of different connections would collide.
 */

/** How long a delivering process's claim on a row holds unless renewed (see lease-keeper). */
export const LEASE_MS = 10_000;

export interface NewExecution {
  id: string;
  eventIndex: number;
  actionType: string;
  pluginId: string | null;
  pluginSlug: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  payloadHash: string;
  /** `running` (this process delivers it now), `queued` (a worker will) or `failed` (refused). */
  status: Extract<ExecutionStatus, 'running' | 'queued' | 'failed'>;
  jobId: string | null;
  failure?: { error: string; code: EventErrorCode };
}

/**
 * Records a batch's events in one statement and claims their idempotency keys: returns the ids
 * inserted. A key recorded earlier inserts nothing; the caller replays that record instead. Rows
 * go in key order, so two requests sharing keys lock them in the same order and cannot deadlock.
 */
export async function insertExecutions(
  tx: SqlRunner,
  batch: { tenantId: string; flowExecutionId: string; mode: 'sync' | 'async'; owner: string },
  rows: readonly NewExecution[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: claimed } = await tx.query<{ id: string }>({
    text: `INSERT INTO action_executions
             (id, tenant_id, flow_execution_id, event_index, action_type, plugin_id, plugin_slug,
              status, mode, payload, idempotency_key, payload_hash, job_id, error, error_code,
              completed_at, duration_ms, lease_owner, lease_until)
           SELECT id, $1::uuid, $2::text, event_index, action_type, plugin_id, plugin_slug,
                  status, $3::text, payload::jsonb, idempotency_key, payload_hash, job_id, error,
                  error_code,
                  CASE WHEN status = 'failed' THEN now() END,
                  CASE WHEN status = 'failed' THEN 0 END,
                  CASE WHEN status = 'running' THEN $4::text END,
                  CASE WHEN status = 'running' THEN now() + $5 * interval '1 millisecond' END
           FROM unnest($6::uuid[], $7::int[], $8::text[], $9::uuid[], $10::text[], $11::text[],
                       $12::text[], $13::text[], $14::text[], $15::uuid[], $16::text[], $17::text[])
             AS r(id, event_index, action_type, plugin_id, plugin_slug, status, payload,
                  idempotency_key, payload_hash, job_id, error, error_code)
           ORDER BY idempotency_key
           ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
           RETURNING id::text`,
    values: [
      batch.tenantId,
      toStorableText(batch.flowExecutionId),
      batch.mode,
      batch.owner,
      LEASE_MS,
      rows.map((row) => row.id),
      rows.map((row) => row.eventIndex),
      rows.map((row) => row.actionType),
      rows.map((row) => row.pluginId),
      rows.map((row) => row.pluginSlug),
      rows.map((row) => row.status),
      rows.map((row) => toStorableJson(row.payload)),
      rows.map((row) => row.idempotencyKey),
      rows.map((row) => row.payloadHash),
      rows.map((row) => row.jobId),
      rows.map((row) => (row.failure ? toStorableText(row.failure.error) : null)),
      rows.map((row) => row.failure?.code ?? null),
    ],
  });
  return new Set(claimed.map((row) => row.id));
}

/** Failures decided before any plugin call: nothing was sent, so trying again is safe. */
export const NEVER_SENT: readonly EventErrorCode[] = [
  'CIRCUIT_OPEN',
  'PLUGIN_NOT_FOUND',
  'PLUGIN_INACTIVE',
  'PLUGIN_NOT_CONFIGURED',
  'ACTION_NOT_FOUND',
  'AMBIGUOUS_ACTION',
  'MISSING_REQUIRED_FIELDS',
  'INVALID_PAYLOAD',
];

/**
 * Reopens recorded executions of these keys (same payload) that failed before any plugin was
 * called, for this request to run again with the row's new state: a replay after a missing
 * registration gets a real try, while anything a plugin may have received keeps its outcome.
 * Returns the reopened rows; concurrent replays reopen each row once.
 */
export async function reopenUnsentFailures(
  tx: SqlRunner,
  tenantId: string,
  owner: string,
  rows: readonly NewExecution[],
): Promise<Array<{ id: string; idempotency_key: string }>> {
  if (rows.length === 0) return [];
  const { rows: reopened } = await tx.query<{ id: string; idempotency_key: string }>({
    text: `UPDATE action_executions AS e
           SET status = r.status, error = r.error, error_code = r.error_code, job_id = r.job_id,
               duration_ms = CASE WHEN r.status = 'failed' THEN 0 END,
               plugin_id = r.plugin_id, plugin_slug = r.plugin_slug,
               completed_at = CASE WHEN r.status = 'failed' THEN now() END,
               lease_owner = CASE WHEN r.status = 'running' THEN $2::text END,
               lease_until = CASE WHEN r.status = 'running'
                                  THEN now() + $3 * interval '1 millisecond' END
           FROM unnest($4::text[], $5::text[], $6::uuid[], $7::text[], $8::text[], $9::uuid[],
                       $10::text[], $11::text[])
             AS r(idempotency_key, payload_hash, plugin_id, plugin_slug, status, job_id, error,
                  error_code)
           WHERE e.tenant_id = $1 AND e.idempotency_key = r.idempotency_key
             AND e.payload_hash = r.payload_hash AND e.status = 'failed'
             AND e.attempts = '[]'::jsonb AND e.error_code = ANY($12::text[])
           RETURNING e.id::text, e.idempotency_key`,
    values: [
      tenantId,
      owner,
      LEASE_MS,
      rows.map((row) => row.idempotencyKey),
      rows.map((row) => row.payloadHash),
      rows.map((row) => row.pluginId),
      rows.map((row) => row.pluginSlug),
      rows.map((row) => row.status),
      rows.map((row) => row.jobId),
      rows.map((row) => (row.failure ? toStorableText(row.failure.error) : null)),
      rows.map((row) => row.failure?.code ?? null),
      NEVER_SENT,
    ],
  });
  return reopened;
}

/** Where one delivery run left an event. */
export interface ExecutionOutcome {
  id: string;
  status: Exclude<ExecutionStatus, 'running'>;
  result?: unknown;
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
 * (`owner`) are written: one whose lease another process took over is theirs to settle.
 * Returns the ids written.
 */
export async function settleExecutions(
  sql: SqlRunner,
  owner: string,
  outcomes: readonly ExecutionOutcome[],
): Promise<Set<string>> {
  if (outcomes.length === 0) return new Set();
  const { rows } = await sql.query<{ id: string }>({
    text: `UPDATE action_executions AS e
           SET status = v.status,
               result = CASE WHEN v.status = 'succeeded' THEN v.result::jsonb END,
               error = v.error, error_code = v.error_code,
               duration_ms = coalesce(e.duration_ms, 0) + v.duration_ms,
               attempts = e.attempts || v.attempts::jsonb,
               next_attempt_at = v.next_attempt_at,
               job_id = CASE WHEN v.status IN ('retrying', 'queued') THEN v.job_id END,
               completed_at = CASE WHEN v.status IN ('succeeded', 'failed', 'dead') THEN now() END,
               lease_owner = NULL, lease_until = NULL
           FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                       $7::float8[], $8::text[], $9::timestamptz[], $10::uuid[])
             AS v(id, status, result, error, error_code, duration_ms, attempts, next_attempt_at,
                  job_id)
           WHERE e.id = v.id AND e.status = 'running' AND e.lease_owner = $1
           RETURNING e.id::text`,
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
    ],
  });
  return new Set(rows.map((row) => row.id));
}

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

/** Keeps this process's claims alive while it delivers; returns how many it holds. */
export async function renewLeases(sql: SqlRunner, owner: string): Promise<number> {
  const { rowCount } = await sql.query({
    text: `UPDATE action_executions SET lease_until = now() + $2 * interval '1 millisecond'
           WHERE lease_owner = $1 AND status = 'running'`,
    values: [owner, LEASE_MS],
  });
  return rowCount ?? 0;
}

/**
 * Rows no job will ever deliver: left `running` by a process that died before the queue
 * existed (the migration marks them so). Each gets a job id to enqueue; returns them.
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

export interface Requeued {
  id: string;
  job_id: string;
  plugin_id: string | null;
  /** The status it had: `failed` or `dead`. */
  was: string;
  max_in_flight: number | null;
}

/**
 * Puts failed or dead events of the tenant back on the queue with a fresh retry schedule (their
 * attempts stay in history; `webhook-id` stays the same, so a plugin that dedups sees one
 * effect). `where` picks which: the given ids, or a plugin's failures since a time. Each row
 * gets a new job id to enqueue; returns them.
 */
export async function requeueFailures(
  tx: SqlRunner,
  tenantId: string,
  where: { ids: readonly string[] } | { pluginId: string; since: Date; limit: number },
): Promise<Requeued[]> {
  const [filter, values] =
    'ids' in where
      ? ["e.id = ANY($2::uuid[]) AND e.status IN ('failed', 'dead')", [where.ids]]
      : [
          `e.plugin_id = $2 AND coalesce(e.completed_at, e.created_at) >= $3
           AND (e.status = 'dead' OR (e.status = 'failed' AND e.attempts <> '[]'::jsonb))
           ORDER BY e.created_at LIMIT $4`,
          [where.pluginId, where.since, where.limit],
        ];
  const { rows } = await tx.query<Requeued>({
    text: `WITH picked AS (
             SELECT e.id, e.status FROM action_executions e
             WHERE e.tenant_id = $1 AND ${filter}
             FOR UPDATE)
           UPDATE action_executions AS e
           SET status = 'queued', job_id = gen_random_uuid(), schedule_start = jsonb_array_length(e.attempts),
               error = NULL, error_code = NULL, completed_at = NULL, next_attempt_at = NULL,
               result = NULL, lease_owner = NULL, lease_until = NULL
           FROM picked WHERE e.id = picked.id
           RETURNING e.id::text, e.job_id::text, e.plugin_id::text, picked.status AS was,
             (SELECT (p.delivery ->> 'max_in_flight')::int FROM plugins p WHERE p.id = e.plugin_id)
               AS max_in_flight`,
    values: [tenantId, ...values],
  });
  return rows;
}
