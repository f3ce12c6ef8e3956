import { randomBytes } from 'node:crypto';
import { migrateDatabase } from '@registry/db/migrate';
import { queryOnce, withDatabase } from '@registry/db/test-database';
import pg from 'pg';

export interface BenchDatabase {
  url: string;
  pool: pg.Pool;
  drop(): Promise<void>;
}

/** A throwaway, migrated database on the server DATABASE_URL names (default: local PostgreSQL). */
export async function createBenchDatabase(): Promise<BenchDatabase> {
  const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const name = `registry_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await queryOnce(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  return {
    url,
    pool,
    async drop() {
      await pool.end();
      await queryOnce(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export const ACTIONS_PER_PLUGIN = 20;
export const CATEGORIES = 10;

/**
 * Makes the tenant hold exactly `count` active bench plugins (`bench-00001`, ...), each with 20
 * registered actions in 10 categories and a signing secret, all pointing at `apiEndpoint`.
 * Built in SQL: seeding 10,000 plugins takes seconds, not minutes.
 */
export async function resizeRegistry(
  pool: pg.Pool,
  tenantId: string,
  count: number,
  apiEndpoint: string,
): Promise<void> {
  await pool.query(`DELETE FROM plugins WHERE tenant_id = $1 AND slug LIKE 'bench-%'`, [tenantId]);
  await pool.query(
    `INSERT INTO plugins (tenant_id, name, slug, status, api_endpoint, registered_actions)
     SELECT $1, 'Bench plugin ' || i, 'bench-' || lpad(i::text, 5, '0'), 'active', $2,
       jsonb_build_object('registered_at', now(), 'actions', (
         SELECT jsonb_agg(jsonb_build_object(
           'action_type', 'bench_action_' || j,
           'title', 'Bench action ' || j,
           'category', 'cat_' || (j % $4),
           'required_fields', jsonb_build_array('user_id'),
           'optional_fields', jsonb_build_array('note'),
           'endpoint', '/actions/bench') ORDER BY j)
         FROM generate_series(1, $3) AS j))
     FROM generate_series(1, $5) AS i`,
    [tenantId, apiEndpoint, ACTIONS_PER_PLUGIN, CATEGORIES, count],
  );
  // A signing secret each, as creating a plugin through the API gives it. (One without would
  // get a secret on its first dispatch: two extra queries that are not the steady state.)
  await pool.query(
    `INSERT INTO plugin_secrets (plugin_id, secret)
     SELECT id, 'whsec_' || encode(decode(md5(id::text) || md5(slug), 'hex'), 'base64')
     FROM plugins WHERE tenant_id = $1 AND slug LIKE 'bench-%'`,
    [tenantId],
  );
  await pool.query('ANALYZE plugins');
}

/** Ids of the tenant's bench plugins, in slug order. */
export async function benchPluginIds(pool: pg.Pool, tenantId: string): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(
    `SELECT id::text FROM plugins WHERE tenant_id = $1 AND slug LIKE 'bench-%' ORDER BY slug`,
    [tenantId],
  );
  return rows.map((row) => row.id);
}

/** Points one bench plugin at another endpoint (e.g. a hanging one). */
export async function pointPlugin(pool: pg.Pool, id: string, apiEndpoint: string): Promise<void> {
  await pool.query('UPDATE plugins SET api_endpoint = $2 WHERE id = $1', [id, apiEndpoint]);
}
