import type { Execution } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import { EXECUTION_COLUMNS, type ExecutionRow, toExecutionDto } from './execution-dto';
import { type ExecutionFilter, filterConditions } from './execution-filter';

/** One execution of the tenant, if it has it. */
export async function findExecution(
  sql: SqlRunner,
  tenantId: string,
  id: string,
): Promise<Execution | undefined> {
  const { rows } = await sql.query<ExecutionRow>({
    text: `SELECT ${EXECUTION_COLUMNS} FROM action_executions
           WHERE id = $1::uuid AND tenant_id = $2::uuid`,
    values: [id, tenantId],
  });
  const [row] = rows;
  return row && toExecutionDto(row);
}

/**
 * Up to `limit` of the tenant's executions matching `filter`, newest first by (created_at, id),
 * starting after `after`: the index on (tenant_id, created_at DESC, id DESC) serves the order.
 */
export async function findExecutionPage(
  sql: SqlRunner,
  tenantId: string,
  filter: ExecutionFilter,
  after: { createdAt: Date; id: string } | undefined,
  limit: number,
): Promise<Execution[]> {
  const values: unknown[] = [];
  let where = filterConditions(tenantId, filter, values);
  if (after) {
    const at = `$${values.push(after.createdAt)}`;
    const id = `$${values.push(after.id)}::uuid`;
    where += ` AND (created_at < ${at} OR (created_at = ${at} AND id < ${id}))`;
  }
  const { rows } = await sql.query<ExecutionRow>({
    text: `SELECT ${EXECUTION_COLUMNS} FROM action_executions WHERE ${where}
           ORDER BY created_at DESC, id DESC LIMIT $${values.push(limit)}`,
    values,
  });
  return rows.map(toExecutionDto);
}
