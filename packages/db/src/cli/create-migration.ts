import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { migrationsFolder, schemaPath } from '../migrations-folder';
import { diffDatamodels } from '../schema-engine';

/**
 * `pnpm db:migration <name> [--from <git revision>]` writes the SQL that takes the schema as of
 * the revision (default HEAD, i.e. what the existing migrations produce) to the working copy's
 * prisma/schema.prisma. The migration test then proves the result matches.
 */
const args = process.argv.slice(2);
const fromIndex = args.indexOf('--from');
const fromRevision = fromIndex >= 0 ? args[fromIndex + 1] : 'HEAD';
const name = args.find((arg, i) => !arg.startsWith('--') && (fromIndex < 0 || i !== fromIndex + 1));
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: pnpm db:migration <name_in_snake_case> [--from <git revision>]');
  process.exit(1);
}

const repoRoot = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const previous = execFileSync(
  'git',
  ['show', `${fromRevision}:${relative(repoRoot, schemaPath)}`],
  {
    encoding: 'utf8',
    cwd: repoRoot,
  },
);
const sql = await diffDatamodels(previous, readFileSync(schemaPath, 'utf8'));
if (sql.trim() === '' || sql.includes('-- This is an empty migration.')) {
  console.log(`schema.prisma has not changed since ${fromRevision}: no migration written.`);
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
const folder = join(migrationsFolder, `${stamp}_${name}`);
mkdirSync(folder, { recursive: true });
writeFileSync(join(folder, 'migration.sql'), sql);
console.log(`Wrote ${relative(repoRoot, join(folder, 'migration.sql'))}`);
