import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `prisma/` folder: schema.prisma and migrations/. */
export const prismaFolder = resolve(fileURLToPath(import.meta.url), '../../../../prisma');
export const migrationsFolder = join(prismaFolder, 'migrations');
export const schemaPath = join(prismaFolder, 'schema.prisma');

export interface MigrationFile {
  name: string;
  sql: string;
  /** sha256 of the script, as `prisma migrate` records it in `_prisma_migrations.checksum`. */
  checksum: string;
}

export function checksumOf(sql: string): string {
  return createHash('sha256').update(sql).digest('hex');
}

/** Migrations in Prisma's layout (`<timestamp>_<name>/migration.sql`), oldest first. */
export function readMigrations(folder = migrationsFolder): MigrationFile[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(folder, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: checksumOf(sql) };
    });
}
