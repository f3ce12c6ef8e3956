import type { Attempt, EventErrorCode } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import { toStorableJson, toStorableText } from './storable-json';

export interface PendingExecution {
  id: string;
  eventIndex: number;
  actionType: string;
  pluginId: string | null;
  pluginSlug: string | null;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  payloadHash: string;
}

export type ExecutionOutcome = { id: string; durationMs: number; attempts: Attempt[] } & (
  | { success: true; result: unknown }
  | { success: false; error: string; errorCode: EventErrorCode }
);

/**
 * Records a batch's events as `pending` before anything is called, in one statement, and claims
 * their idempotency keys with it: returns the ids of the rows inserted. An event whose key is
 * already recorded inserts nothing; the caller replays that record instead. Rows go in key
 * order, so two requests sharing keys lock them in the same order and cannot deadlock.
 *
 * Plain (unnamed) statements: embedded PostgreSQL serves all connections from one session,
 * where named prepared statements of different connections would collide.
 */
export async function claimExecutions(
  sql: SqlPool,
  tenantId: string,
  flowExecutionId: string,
  rows: readonly PendingExecution[],
): Promise<Set<string>> {
  const { rows: claimed } = await sql.query<{ id: string }>({
    text: `INSERT INTO action_executions
             (id, tenant_id, flow_execution_id, event_index, action_type, plugin_id, plugin_slug,
              status, payload, idempotency_key, payload_hash)
           SELECT id, $1::uuid, $2::text, event_index, action_type, plugin_id, plugin_slug,
                  'pending', payload::jsonb, idempotency_key, payload_hash
           FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                       $9::text[], $10::text[])
             AS r(id, event_index, action_type, plugin_id, plugin_slug, payload, idempotency_key,
                  payload_hash)
           ORDER BY idempotency_key
           ON CONFLICT (tenant_id, idempotency_key) DO NOTHING
           RETURNING id::text`,
    values: [
      tenantId,
      toStorableText(flowExecutionId),
      rows.map((row) => row.id),
      rows.map((row) => row.eventIndex),
      rows.map((row) => row.actionType),
      rows.map((row) => row.pluginId),
      rows.map((row) => row.pluginSlug),
      rows.map((row) => toStorableJson(row.payload)),
      rows.map((row) => row.idempotencyKey),
      rows.map((row) => row.payloadHash),
    ],
  });
  return new Set(claimed.map((row) => row.id));
}

/** Completes a batch's executions in one statement, whatever the batch size. */
export async function recordOutcomes(
  sql: SqlPool,
  outcomes: readonly ExecutionOutcome[],
): Promise<void> {
  if (outcomes.length === 0) return;
  await sql.query({
    text: `UPDATE action_executions AS e
           SET status = v.status, result = v.result::jsonb, error = v.error,
               error_code = v.error_code, duration_ms = v.duration_ms, completed_at = now(),
               attempts = v.attempts::jsonb
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[],
                       $7::text[])
             AS v(id, status, result, error, error_code, duration_ms, attempts)
           WHERE e.id = v.id`,
    values: [
      outcomes.map((o) => o.id),
      outcomes.map((o) => (o.success ? 'success' : 'failed')),
      outcomes.map((o) => (o.success ? toStorableJson(o.result) : null)),
      outcomes.map((o) => (o.success ? null : toStorableText(o.error))),
      outcomes.map((o) => (o.success ? null : o.errorCode)),
      outcomes.map((o) => o.durationMs),
      outcomes.map((o) => JSON.stringify(o.attempts)),
    ],
  });
}

/** Failures decided before any plugin call: nothing was sent, so trying again is safe. */
const NEVER_SENT: readonly EventErrorCode[] = [
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
 * called, for this request to run again: a replay after an open circuit or a missing
 * registration gets a real try, while anything a plugin may have received keeps its outcome.
 * Returns the reopened rows; concurrent replays reopen each row once.
 */
export async function reopenUnsentFailures(
  sql: SqlPool,
  tenantId: string,
  rows: readonly Pick<
    PendingExecution,
    'idempotencyKey' | 'payloadHash' | 'pluginId' | 'pluginSlug'
  >[],
): Promise<Array<{ id: string; idempotency_key: string; payload_hash: string }>> {
  if (rows.length === 0) return [];
  const { rows: reopened } = await sql.query<{
    id: string;
    idempotency_key: string;
    payload_hash: string;
  }>({
    text: `UPDATE action_executions AS e
           SET status = 'pending', error = NULL, error_code = NULL, duration_ms = NULL,
               completed_at = NULL, plugin_id = r.plugin_id, plugin_slug = r.plugin_slug
           FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[])
             AS r(idempotency_key, payload_hash, plugin_id, plugin_slug)
           WHERE e.tenant_id = $1 AND e.idempotency_key = r.idempotency_key
             AND e.payload_hash = r.payload_hash AND e.status = 'failed'
             AND e.attempts = '[]'::jsonb AND e.error_code = ANY($6::text[])
           RETURNING e.id::text, e.idempotency_key, e.payload_hash`,
    values: [
      tenantId,
      rows.map((row) => row.idempotencyKey),
      rows.map((row) => row.payloadHash),
      rows.map((row) => row.pluginId),
      rows.map((row) => row.pluginSlug),
      NEVER_SENT,
    ],
  });
  return reopened;
}
