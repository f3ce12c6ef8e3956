import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrateDatabase } from './migrate';

export interface TestDatabase {
  /** A database of its own: migrated by `createTestDatabase`, empty from `createEmptyDatabase`. */
  url: string;
  /** `real` when DATABASE_URL named a server, else `embedded` (PGlite). */
  kind: 'real' | 'embedded';
  close(): Promise<void>;
}

/**
 * A throwaway migrated database: on the PostgreSQL server DATABASE_URL names (a uniquely named
 * database, dropped afterwards), or an in-memory embedded PostgreSQL when DATABASE_URL is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const database = await createEmptyDatabase();
  try {
    await migrateDatabase(database.url);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}

/**
 * Like `createTestDatabase`, but without migrations: no tables at all, for tests of migrations
 * and of anything that must start from nothing.
 */
export async function createEmptyDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    return { url: embedded.url, kind: 'embedded', close: () => embedded.stop() };
  }
  const name = `registry_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await queryOnce(serverUrl, `CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(serverUrl, name),
    kind: 'real',
    close: async () => {
      await queryOnce(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Runs one statement on a connection of its own and returns its rows: for statements no pool
 * should run (`CREATE DATABASE`) and for one-off reads.
 */
export async function queryOnce<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}
