/** Which of a tenant's executions a history page or its statistics cover; absent: any. */
export interface ExecutionFilter {
  status?: string;
  action_type?: string;
  plugin_id?: string;
  flow_execution_id?: string;
  /** `created_at` bounds, both inclusive. */
  from?: Date;
  to?: Date;
}

/**
 * The conditions selecting `filter`'s executions of the tenant, joined with AND; their values
 * are appended to `values`, so callers may add conditions numbered after them.
 */
export function filterConditions(
  tenantId: string,
  filter: ExecutionFilter,
  values: unknown[],
): string {
  const param = (value: unknown) => `$${values.push(value)}`;
  const conditions = [`tenant_id = ${param(tenantId)}::uuid`];
  if (filter.status) conditions.push(`status = ${param(filter.status)}`);
  if (filter.action_type) conditions.push(`action_type = ${param(filter.action_type)}`);
  if (filter.plugin_id) conditions.push(`plugin_id = ${param(filter.plugin_id)}::uuid`);
  if (filter.flow_execution_id) {
    conditions.push(`flow_execution_id = ${param(filter.flow_execution_id)}`);
  }
  if (filter.from) conditions.push(`created_at >= ${param(filter.from)}`);
  if (filter.to) conditions.push(`created_at <= ${param(filter.to)}`);
  return conditions.join(' AND ');
}
