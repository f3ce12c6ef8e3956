import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { installDeliveryQueues } from './delivery-queues';
import { type MigrationFile, readMigrations } from './migrations-folder';

// The same lock id `prisma migrate` takes, so our runner and the real CLI never run at once.
const PRISMA_ADVISORY_LOCK = 72707369;

// `_prisma_migrations` exactly as the Prisma schema engine creates it on PostgreSQL.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

interface MigrationRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/**
 * Applies pending migrations the way `prisma migrate deploy` does: one row per migration in
 * `_prisma_migrations`, refusing to continue past a failed one left by another tool. Unlike
 * Prisma we run each script in a transaction, so a failure leaves no half-applied schema behind.
 * Then installs the delivery queue's own schema (pg-boss migrates it itself).
 */
export async function migrateDatabase(
  databaseUrl: string,
  migrations: MigrationFile[] = readMigrations(),
): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [PRISMA_ADVISORY_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<MigrationRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"',
    );
    const failed = rows.find((row) => !row.finished_at && !row.rolled_back_at);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and was not rolled back; ` +
          'fix the database, then mark it with `prisma migrate resolve`.',
      );
    }
    const done = new Set(rows.filter((row) => row.finished_at).map((row) => row.migration_name));
    for (const migration of migrations) {
      if (done.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      const applied = await applyMigration(client, migration);
      (applied ? result.applied : result.alreadyApplied).push(migration.name);
    }
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
  await installDeliveryQueues(databaseUrl);
  return result;
}

/**
 * Runs one script and records it in the same transaction, after checking again that no other
 * runner applied it meanwhile. On real PostgreSQL the advisory lock already rules that out, but
 * embedded PostgreSQL (PGlite) serves every connection from one session, where the lock excludes
 * nobody; its socket server does run one transaction at a time, so the check there is atomic.
 */
async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<boolean> {
  const id = randomUUID();
  let startedAt: Date | undefined;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ started_at: Date; done: boolean }>(
      `SELECT now() AS started_at, EXISTS (SELECT 1 FROM "_prisma_migrations"
         WHERE migration_name = $1 AND finished_at IS NOT NULL) AS done`,
      [migration.name],
    );
    startedAt = rows[0]?.started_at;
    if (rows[0]?.done) {
      await client.query('ROLLBACK');
      return false;
    }
    await client.query(migration.sql);
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
       VALUES ($1, $2, $3, now(), clock_timestamp(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    const message = error instanceof Error ? error.message : String(error);
    // The transaction left nothing behind: record the attempt as rolled back, as
    // `prisma migrate resolve --rolled-back` would, so a fixed script can simply run again.
    await client.query(
      `INSERT INTO "_prisma_migrations"
         (id, checksum, migration_name, logs, started_at, rolled_back_at, applied_steps_count)
       VALUES ($1, $2, $3, $4, coalesce($5, now()), now(), 0)`,
      [id, migration.checksum, migration.name, message, startedAt ?? null],
    );
    throw new Error(`Migration ${migration.name} failed: ${message}`);
  }
}
