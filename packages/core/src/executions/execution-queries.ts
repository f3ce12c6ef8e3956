import type { Execution, ExecutionList, ListExecutionsQuery } from '@registry/contracts';
import { AppError } from '../errors/app-error';
import type { RegistryDeps } from '../registry-deps';
import { findExecution, findExecutionPage } from './store';

/** Newest first, paged by an opaque cursor over (created_at, id). */
export async function listExecutions(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  query: ListExecutionsQuery,
): Promise<ExecutionList> {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const filter = {
    status: query.status,
    action_type: query.action_type,
    plugin_id: query.plugin_id,
    flow_execution_id: query.flow_execution_id,
    from: optionalDate(query.from),
    to: optionalDate(query.to),
  };
  const rows = await findExecutionPage(sql, tenantId, filter, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page,
    next_cursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

export async function getExecution(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  id: string,
): Promise<Execution> {
  const execution = await findExecution(sql, tenantId, id);
  if (!execution) throw AppError.notFound(`Execution not found: ${id}`);
  return execution;
}

function optionalDate(value: string | undefined): Date | undefined {
  return value ? new Date(value) : undefined;
}

function encodeCursor(execution: Execution): string {
  return Buffer.from(`${execution.created_at}|${execution.id}`).toString('base64url');
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(iso ?? '');
  if (!id || !/^[0-9a-f-]{36}$/.test(id) || Number.isNaN(createdAt.getTime())) {
    throw AppError.validation([{ field: 'cursor', message: 'is not a cursor this API returned' }]);
  }
  return { createdAt, id };
}
