import type { SqlPool } from '@registry/db';

/** Rows as JSON, per table: what "unchanged" compares. */
export type DatabaseRows = Record<string, unknown[]>;

/** Columns that say whose a row is, in the order they are tried. */
const OWNER_FILTERS: Record<string, string> = {
  tenant_id: 'tenant_id = $1',
  plugin_id: 'plugin_id IN (SELECT id FROM plugins WHERE tenant_id = $1)',
  order_id: 'order_id IN (SELECT id FROM orders WHERE tenant_id = $1)',
  token_id: 'token_id IN (SELECT id FROM api_tokens WHERE tenant_id = $1)',
};

/**
 * Every row of every table (migrations' bookkeeping aside), found in the catalog: a table added
 * later is compared without anyone remembering to add it. `except` leaves out columns by
 * `table.column`.
 */
export async function readAllRows(sql: SqlPool, except: string[] = []): Promise<DatabaseRows> {
  const filters = [...(await listColumns(sql)).keys()].map((table) => [table, 'true'] as const);
  const rows = await selectRows(sql, filters, []);
  for (const exception of except) {
    const [table, column] = exception.split('.') as [string, string];
    for (const row of (rows[table] ?? []) as Record<string, unknown>[]) delete row[column];
  }
  return rows;
}

/**
 * Every row one tenant owns, in every table: its own rows, and rows hanging off its plugins or
 * orders. A table with no column that says whose a row is fails loudly instead of being skipped.
 */
export async function readTenantRows(sql: SqlPool, tenantId: string): Promise<DatabaseRows> {
  const filters = [...(await listColumns(sql))].map(([table, columns]) => {
    const owner = Object.keys(OWNER_FILTERS).find((column) => columns.includes(column));
    if (!owner) throw new Error(`readTenantRows cannot tell whose rows ${table} holds`);
    return [table, OWNER_FILTERS[owner] as string] as const;
  });
  return selectRows(sql, filters, [tenantId]);
}

async function listColumns(sql: SqlPool): Promise<Map<string, string[]>> {
  const { rows } = await sql.query<{ table_name: string; columns: string[] }>(`
    SELECT table_name, array_agg(column_name::text) AS columns
      FROM information_schema.columns
     WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
     GROUP BY table_name
     ORDER BY table_name`);
  return new Map(rows.map((row) => [row.table_name, row.columns]));
}

/** The rows `where` selects in each table, in one query (one snapshot, one round trip). */
async function selectRows(
  sql: SqlPool,
  filters: readonly (readonly [table: string, where: string])[],
  values: unknown[],
): Promise<DatabaseRows> {
  const tables = filters.map(
    ([
      table,
      where,
    ]) => `'${table}', (SELECT coalesce(jsonb_agg(to_jsonb(t) ORDER BY to_jsonb(t)::text), '[]')
                            FROM "${table}" t WHERE ${where})`,
  );
  const { rows } = await sql.query<{ rows: DatabaseRows }>({
    text: `SELECT jsonb_build_object(${tables.join(', ')}) AS rows`,
    values,
  });
  return rows[0]?.rows ?? {};
}
