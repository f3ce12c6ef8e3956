import type { Attempt, EventErrorCode, ExecutionSource } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { toStorableJson, toStorableText } from './storable-json';

/** A dry-run event as history keeps it: over at once, never queued. */
export interface DryRunRecord {
  id: string;
  eventIndex: number;
  actionType: string;
  pluginId: string | null;
  pluginSlug: string | null;
  payload: Record<string, unknown>;
  status: 'succeeded' | 'failed';
  result?: unknown;
  failure?: { error: string; code: EventErrorCode };
  durationMs: number;
  attempts: Attempt[];
}

/**
 * Records a dry-run batch's events, complete, in one statement: `dry_run` set, no idempotency
 * key (so the caller's key stays free for the real run), no job, no lease.
 */
export async function insertDryRunRecords(
  sql: SqlRunner,
  batch: { tenantId: string; flowExecutionId: string; source: ExecutionSource },
  rows: readonly DryRunRecord[],
): Promise<void> {
  if (rows.length === 0) return;
  await sql.query({
    text: `INSERT INTO action_executions
             (id, tenant_id, flow_execution_id, event_index, action_type, plugin_id, plugin_slug,
              status, mode, payload, result, error, error_code, duration_ms, attempts,
              completed_at, dry_run, source)
           SELECT id, $1::uuid, $2::text, event_index, action_type, plugin_id, plugin_slug,
                  status, 'sync', payload::jsonb, result::jsonb, error, error_code, duration_ms,
                  attempts::jsonb, now(), true, $15::text
           FROM unnest($3::uuid[], $4::int[], $5::text[], $6::uuid[], $7::text[], $8::text[],
                       $9::text[], $10::text[], $11::text[], $12::text[], $13::float8[],
                       $14::text[])
             AS r(id, event_index, action_type, plugin_id, plugin_slug, status, payload, result,
                  error, error_code, duration_ms, attempts)`,
    values: [
      batch.tenantId,
      toStorableText(batch.flowExecutionId),
      rows.map((row) => row.id),
      rows.map((row) => row.eventIndex),
      rows.map((row) => row.actionType),
      rows.map((row) => row.pluginId),
      rows.map((row) => row.pluginSlug),
      rows.map((row) => row.status),
      rows.map((row) => toStorableJson(row.payload)),
      rows.map((row) => (row.status === 'succeeded' ? toStorableJson(row.result) : null)),
      rows.map((row) => (row.failure ? toStorableText(row.failure.error) : null)),
      rows.map((row) => row.failure?.code ?? null),
      rows.map((row) => row.durationMs),
      rows.map((row) => JSON.stringify(row.attempts)),
      batch.source,
    ],
  });
}
