import pg from 'pg';

/**
 * A normalised description of a database's `public` schema (tables, columns, indexes,
 * constraints) used to prove that two databases have the same structure.
 */
export async function describeSchema(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(DESCRIBE_SQL);
    return rows.map((row) => row.line);
  } finally {
    await client.end();
  }
}

const DESCRIBE_SQL = `
SELECT line FROM (
  SELECT format('column %s.%s %s %s default %s', c.relname, a.attname,
                format_type(a.atttypid, a.atttypmod),
                CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END,
                coalesce(pg_get_expr(d.adbin, d.adrelid), '-')) AS line
  FROM pg_attribute a
  JOIN pg_class c ON c.oid = a.attrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
  WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
    AND c.relname <> '_prisma_migrations'
  UNION ALL
  SELECT format('index %s %s', i.indexname, i.indexdef)
  FROM pg_indexes i
  WHERE i.schemaname = 'public' AND i.tablename <> '_prisma_migrations'
  UNION ALL
  SELECT format('constraint %s.%s %s', c.relname, con.conname, pg_get_constraintdef(con.oid))
  FROM pg_constraint con
  JOIN pg_class c ON c.oid = con.conrelid
  JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relname <> '_prisma_migrations'
) described
ORDER BY line`;
