import type { Attempt, Execution, ExecutionList, ListExecutionsQuery } from '@registry/contracts';
import type { Prisma } from '@registry/db';
import { AppError } from '../errors/app-error';
import type { RegistryDeps } from '../registry-deps';

type ExecutionRow = Prisma.ActionExecutionGetPayload<object>;

export function toExecutionDto(row: ExecutionRow): Execution {
  return {
    id: row.id,
    flow_execution_id: row.flowExecutionId,
    event_index: row.eventIndex,
    action_type: row.actionType,
    plugin_id: row.pluginId,
    plugin_slug: row.pluginSlug,
    status: row.status as Execution['status'],
    mode: row.mode as Execution['mode'],
    payload: row.payload,
    result: row.result,
    error: row.error,
    error_code: row.errorCode,
    duration_ms: row.durationMs,
    created_at: row.createdAt.toISOString(),
    completed_at: row.completedAt?.toISOString() ?? null,
    idempotency_key: row.idempotencyKey,
    attempts: Array.isArray(row.attempts) ? (row.attempts as unknown as Attempt[]) : [],
    next_attempt_at: row.nextAttemptAt?.toISOString() ?? null,
  };
}

/** Newest first, paged by an opaque cursor over (created_at, id). */
export async function listExecutions(
  { db }: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  query: ListExecutionsQuery,
): Promise<ExecutionList> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.actionExecution.findMany({
    where: {
      tenantId,
      status: query.status,
      actionType: query.action_type,
      pluginId: query.plugin_id,
      flowExecutionId: query.flow_execution_id,
      createdAt: { gte: optionalDate(query.from), lte: optionalDate(query.to) },
      ...(after
        ? {
            OR: [
              { createdAt: { lt: after.createdAt } },
              { createdAt: after.createdAt, id: { lt: after.id } },
            ],
          }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toExecutionDto),
    next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export async function getExecution(
  { db }: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  id: string,
): Promise<Execution> {
  const row = await db.actionExecution.findFirst({ where: { id, tenantId } });
  if (!row) throw AppError.notFound(`Execution not found: ${id}`);
  return toExecutionDto(row);
}

function optionalDate(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}

function encodeCursor(row: ExecutionRow): string {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw AppError.validation([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  }
  return { createdAt, id };
}
