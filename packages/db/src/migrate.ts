import { randomUUID } from 'node:crypto';
import pg from 'pg';
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
 */
export async function migrateDatabase(
  databaseUrl: string,
  migrations: MigrationFile[] = readMigrations(),
): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
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
    const result: MigrateResult = { applied: [], alreadyApplied: [] };
    for (const migration of migrations) {
      if (done.has(migration.name)) {
        result.alreadyApplied.push(migration.name);
        continue;
      }
      await applyMigration(client, migration);
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}

async function applyMigration(client: pg.Client, migration: MigrationFile): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
     VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query('BEGIN');
    await client.query(migration.sql);
    await client.query(
      `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
      [id],
    );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    const message = error instanceof Error ? error.message : String(error);
    // The transaction left nothing behind: record the attempt as rolled back, as
    // `prisma migrate resolve --rolled-back` would, so a fixed script can simply run again.
    await client.query(
      `UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`,
      [id, message],
    );
    throw new Error(`Migration ${migration.name} failed: ${message}`);
  }
}
