import type { EventErrorCode } from '@registry/contracts';
import type { SqlPool } from '@registry/db';
import { toStorableJson, toStorableText } from './storable-json';

export interface PendingExecution {
  id: string;
  eventIndex: number;
  actionType: string;
  pluginId: string | null;
  pluginSlug: string | null;
  payload: Record<string, unknown>;
}

export type ExecutionOutcome =
  | { id: string; success: true; result: unknown; durationMs: number }
  | {
      id: string;
      success: false;
      error: string;
      errorCode: EventErrorCode;
      durationMs: number;
    };

/**
 * Records every event of a batch as `pending` before anything is called: one statement. Plain
 * (unnamed) statements: embedded PostgreSQL serves all connections from one session, where
 * named prepared statements of different connections would collide.
 */
export async function recordPending(
  sql: SqlPool,
  tenantId: string,
  flowExecutionId: string,
  rows: readonly PendingExecution[],
): Promise<void> {
  await sql.query({
    text: `INSERT INTO action_executions
             (id, tenant_id, flow_execution_id, event_index, action_type, plugin_id, plugin_slug,
              status, payload)
           SELECT id, $1::uuid, $2::text, event_index, action_type, plugin_id, plugin_slug, 'pending', payload::jsonb
           FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::text[], $8::text[])
             AS r(id, event_index, action_type, plugin_id, plugin_slug, payload)`,
    values: [
      tenantId,
      toStorableText(flowExecutionId),
      rows.map((row) => row.id),
      rows.map((row) => row.eventIndex),
      rows.map((row) => row.actionType),
      rows.map((row) => row.pluginId),
      rows.map((row) => row.pluginSlug),
      rows.map((row) => toStorableJson(row.payload)),
    ],
  });
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
               error_code = v.error_code, duration_ms = v.duration_ms, completed_at = now()
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[])
             AS v(id, status, result, error, error_code, duration_ms)
           WHERE e.id = v.id`,
    values: [
      outcomes.map((o) => o.id),
      outcomes.map((o) => (o.success ? 'success' : 'failed')),
      outcomes.map((o) => (o.success ? toStorableJson(o.result) : null)),
      outcomes.map((o) => (o.success ? null : toStorableText(o.error))),
      outcomes.map((o) => (o.success ? null : o.errorCode)),
      outcomes.map((o) => o.durationMs),
    ],
  });
}
