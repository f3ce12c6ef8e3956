import type { EventErrorCode } from '@registry/contracts';
import type { Db, Prisma } from '@registry/db';
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

/** Records every event of a batch as `pending` before anything is called. */
export async function recordPending(
  db: Db,
  tenantId: string,
  flowExecutionId: string,
  rows: readonly PendingExecution[],
): Promise<void> {
  await db.actionExecution.createMany({
    data: rows.map((row) => ({
      id: row.id,
      tenantId,
      flowExecutionId,
      eventIndex: row.eventIndex,
      actionType: row.actionType,
      pluginId: row.pluginId,
      pluginSlug: row.pluginSlug,
      status: 'pending',
      payload: JSON.parse(toStorableJson(row.payload)) as Prisma.InputJsonValue,
    })),
  });
}

/** Completes a batch's executions in one statement, whatever the batch size. */
export async function recordOutcomes(db: Db, outcomes: readonly ExecutionOutcome[]): Promise<void> {
  if (outcomes.length === 0) return;
  const ids = outcomes.map((o) => o.id);
  const statuses = outcomes.map((o) => (o.success ? 'success' : 'failed'));
  const results = outcomes.map((o) => (o.success ? toStorableJson(o.result) : null));
  const errors = outcomes.map((o) => (o.success ? null : toStorableText(o.error)));
  const codes = outcomes.map((o) => (o.success ? null : o.errorCode));
  const durations = outcomes.map((o) => o.durationMs);
  await db.$executeRaw`
    UPDATE action_executions AS e
    SET status = v.status,
        result = v.result::jsonb,
        error = v.error,
        error_code = v.error_code,
        duration_ms = v.duration_ms,
        completed_at = now()
    FROM unnest(
      ${ids}::uuid[], ${statuses}::text[], ${results}::text[],
      ${errors}::text[], ${codes}::text[], ${durations}::float8[]
    ) AS v(id, status, result, error, error_code, duration_ms)
    WHERE e.id = v.id`;
}
