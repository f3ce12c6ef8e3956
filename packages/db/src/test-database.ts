import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '@registry/db/embedded';
import { migrateDatabase } from '@registry/db/migrate';
import pg from 'pg';

export interface TestDatabase {
  /** A migrated, empty database of its own. */
  url: string;
  /** `real` when DATABASE_URL named a server, else `embedded` (PGlite). */
  kind: 'real' | 'embedded';
  close(): Promise<void>;
}

/**
 * A throwaway database: on the PostgreSQL server DATABASE_URL names (a uniquely named database,
 * dropped afterwards), or an in-memory embedded PostgreSQL when DATABASE_URL is unset.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedPostgres();
    await migrateDatabase(embedded.url);
    return { url: embedded.url, kind: 'embedded', close: () => embedded.stop() };
  }
  const name = `registry_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  await migrateDatabase(url);
  return {
    url,
    kind: 'real',
    close: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
