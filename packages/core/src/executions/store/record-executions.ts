import type { EventErrorCode, ExecutionSource, ExecutionStatus } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { LEASE_MS } from './delivery-claims';
import { toStorableJson, toStorableText } from './storable-json';

/**
 * Recording a batch's events in the ledger (`action_executions`): one row per event, claimed
 * under its idempotency key. Plain SQL (no Prisma): this is the hot path. Statements are unnamed:
 * embedded PostgreSQL serves every connection from one session, where named prepared
 * statements of different connections would collide.
 */

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
  batch: {
    tenantId: string;
    flowExecutionId: string;
    mode: 'sync' | 'async';
    source: ExecutionSource;
    owner: string;
  },
  rows: readonly NewExecution[],
): Promise<Set<string>> {
  if (rows.length === 0) return new Set();
  const { rows: claimed } = await tx.query<{ id: string }>({
    text: `INSERT INTO action_executions
             (id, tenant_id, flow_execution_id, event_index, action_type, plugin_id, plugin_slug,
              status, mode, payload, idempotency_key, payload_hash, job_id, error, error_code,
              completed_at, duration_ms, lease_owner, lease_until, source)
           SELECT id, $1::uuid, $2::text, event_index, action_type, plugin_id, plugin_slug,
                  status, $3::text, payload::jsonb, idempotency_key, payload_hash, job_id, error,
                  error_code,
                  CASE WHEN status = 'failed' THEN now() END,
                  CASE WHEN status = 'failed' THEN 0 END,
                  CASE WHEN status = 'running' THEN $4::text END,
                  CASE WHEN status = 'running' THEN now() + $5 * interval '1 millisecond' END,
                  $18::text
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
      batch.source,
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
