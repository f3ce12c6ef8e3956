import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from './migrate';
import {
  checksumOf,
  type MigrationFile,
  migrationsFolder,
  readMigrations,
} from './migrations-folder';
import { createEmptyDatabase, queryOnce, type TestDatabase } from './test-database';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Read straight from disk, so the test does not trust the runner's own folder reader.
const migrationsOnDisk = readdirSync(migrationsFolder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .map((name) => ({ name, bytes: readFileSync(join(migrationsFolder, name, 'migration.sql')) }));

interface LedgerRow {
  id: string;
  checksum: string;
  migration_name: string;
  logs: string | null;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

let scratch: TestDatabase | undefined;
afterEach(async () => {
  await scratch?.close();
  scratch = undefined;
});

async function emptyDatabase(): Promise<string> {
  scratch = await createEmptyDatabase();
  return scratch.url;
}

const ledger = (url: string) =>
  queryOnce<LedgerRow>(
    url,
    'SELECT * FROM "_prisma_migrations" ORDER BY started_at, migration_name',
  );

const tableExists = async (url: string, table: string) =>
  (await queryOnce<{ oid: string | null }>(url, `SELECT to_regclass('public.${table}') AS oid`))[0]
    ?.oid != null;

const migration = (name: string, sql: string): MigrationFile => ({
  name,
  sql,
  checksum: checksumOf(sql),
});

describe('migrateDatabase', () => {
  it('[DB][MIGRATE]: applies every migration and records each as `prisma migrate deploy` does', async () => {
    const url = await emptyDatabase();
    const result = await migrateDatabase(url);

    const names = migrationsOnDisk.map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(result).toEqual({ applied: names, alreadyApplied: [] });
    const rows = await ledger(url);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const [index, row] of rows.entries()) {
      const onDisk = migrationsOnDisk[index];
      expect(row.id).toMatch(UUID);
      expect(row.checksum).toBe(
        createHash('sha256')
          .update(onDisk?.bytes ?? '')
          .digest('hex'),
      );
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.finished_at?.getTime()).toBeGreaterThanOrEqual(row.started_at.getTime());
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
      expect(row.logs).toBeNull();
    }
    expect(await tableExists(url, 'plugins')).toBe(true);
  });

  it('[DB][MIGRATE]: existing registrations become action type providers, the oldest plugin first', async () => {
    const url = await emptyDatabase();
    const all = readMigrations();
    const cut = all.findIndex((m) => m.name.endsWith('_action_type_providers'));
    expect(cut).toBeGreaterThan(0);
    await migrateDatabase(url, all.slice(0, cut));
    const registration = (...types: unknown[]) =>
      JSON.stringify({ actions: types.map((action_type) => ({ action_type, title: 'T' })) });
    await queryOnce(
      url,
      `INSERT INTO plugins (id, tenant_id, name, slug, status, created_at, registered_actions) VALUES
       ('00000000-0000-4000-8000-00000000000b', '11111111-1111-4111-8111-111111111111', 'B', 'b',
        'inactive', '2026-01-01', '${registration('send_welcome_email', 'send_receipt')}'),
       ('00000000-0000-4000-8000-00000000000a', '11111111-1111-4111-8111-111111111111', 'A', 'a',
        'active', '2026-02-01', '${registration('send_welcome_email', 7)}'),
       ('00000000-0000-4000-8000-00000000000c', '11111111-1111-4111-8111-111111111111', 'C', 'c',
        'active', '2026-03-01', '{"actions": "not a list"}'),
       ('00000000-0000-4000-8000-00000000000d', '11111111-1111-4111-8111-111111111111', 'D', 'd',
        'active', '2026-04-01', '{}')`,
    );

    await migrateDatabase(url);

    const providers = await queryOnce<{ row: string }>(
      url,
      `SELECT concat_ws(' ', action_type, p.slug, to_char(first_registered_at, 'YYYY-MM-DD'),
                        CASE WHEN chosen_by_admin THEN 'chosen' END) AS row
       FROM action_type_providers r JOIN plugins p ON p.id = r.plugin_id
       ORDER BY action_type, first_registered_at`,
    );
    expect(providers.map((provider) => provider.row)).toEqual([
      'send_receipt b 2026-01-01',
      'send_welcome_email b 2026-01-01',
      'send_welcome_email a 2026-02-01',
    ]);
  });

  it('[DB][MIGRATE]: keeps `_prisma_migrations` in the shape Prisma creates it', async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    const columns = await queryOnce<{ column: string }>(
      url,
      `SELECT format('%s %s %s %s', column_name, data_type,
                     coalesce(character_maximum_length::text, '-'), is_nullable) AS column
       FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = '_prisma_migrations'
       ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => c.column)).toEqual([
      'id character varying 36 NO',
      'checksum character varying 64 NO',
      'finished_at timestamp with time zone - YES',
      'migration_name character varying 255 NO',
      'logs text - YES',
      'rolled_back_at timestamp with time zone - YES',
      'started_at timestamp with time zone - NO',
      'applied_steps_count integer - NO',
    ]);
  });

  it('[DB][MIGRATE]: a second run applies nothing', async () => {
    const url = await emptyDatabase();
    await migrateDatabase(url);
    const before = await ledger(url);

    const again = await migrateDatabase(url);

    expect(again).toEqual({ applied: [], alreadyApplied: migrationsOnDisk.map((m) => m.name) });
    expect(await ledger(url)).toEqual(before);
  });

  it('[DB][MIGRATE]: a failing migration leaves no partial schema, is recorded, and a fix applies', async () => {
    const url = await emptyDatabase();
    const first = migration('001_first', 'CREATE TABLE "first" ("id" INTEGER PRIMARY KEY);');
    // Valid SQL that fails while running, after its first statement has already executed.
    const broken = migration(
      '002_second',
      'CREATE TABLE "second" ("id" INTEGER PRIMARY KEY);\nINSERT INTO "missing" VALUES (1);',
    );

    await expect(migrateDatabase(url, [first, broken])).rejects.toThrow(
      /Migration 002_second failed: relation "missing" does not exist/,
    );

    expect(await tableExists(url, 'first')).toBe(true);
    expect(await tableExists(url, 'second')).toBe(false);
    const [done, failed] = await ledger(url);
    expect(done).toMatchObject({ migration_name: '001_first', applied_steps_count: 1 });
    expect(failed).toMatchObject({
      migration_name: '002_second',
      checksum: broken.checksum,
      finished_at: null,
      applied_steps_count: 0,
    });
    expect(failed?.logs).toContain('relation "missing" does not exist');
    expect(failed?.rolled_back_at).toBeInstanceOf(Date);

    const fixed = migration('002_second', 'CREATE TABLE "second" ("id" INTEGER PRIMARY KEY);');
    expect(await migrateDatabase(url, [first, fixed])).toEqual({
      applied: ['002_second'],
      alreadyApplied: ['001_first'],
    });
    expect(await tableExists(url, 'second')).toBe(true);
    const rows = await ledger(url);
    expect(rows.map((r) => [r.migration_name, r.checksum, r.finished_at !== null])).toEqual([
      ['001_first', first.checksum, true],
      ['002_second', broken.checksum, false],
      ['002_second', fixed.checksum, true],
    ]);
  });

  it('[DB][MIGRATE]: refuses to run past a failure another tool left unresolved', async () => {
    const url = await emptyDatabase();
    const first = migration('001_first', 'CREATE TABLE "first" ("id" INTEGER PRIMARY KEY);');
    await migrateDatabase(url, [first]);
    // What `prisma migrate deploy` leaves after a failed script: neither finished nor rolled back.
    await queryOnce(
      url,
      `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs)
       VALUES (gen_random_uuid()::text, repeat('0', 64), '002_stuck', 'boom')`,
    );
    const next = migration('003_next', 'CREATE TABLE "next" ("id" INTEGER PRIMARY KEY);');

    await expect(migrateDatabase(url, [first, next])).rejects.toThrow(
      /Migration 002_stuck failed earlier and was not rolled back/,
    );
    expect(await tableExists(url, 'next')).toBe(false);
  });

  it('[DB][MIGRATE]: two runners started at once each succeed and apply every migration once', async () => {
    const url = await emptyDatabase();
    const names = migrationsOnDisk.map((m) => m.name);

    const results = await Promise.all([migrateDatabase(url), migrateDatabase(url)]);

    expect(results.flatMap((r) => r.applied).sort()).toEqual(names);
    for (const result of results) {
      expect([...result.applied, ...result.alreadyApplied].sort()).toEqual(names);
    }
    const rows = await ledger(url);
    expect(rows.map((row) => row.migration_name).sort()).toEqual(names);
    expect(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null)).toBe(true);
  });

  it('[DB][MIGRATE]: five runners at once over ten migrations apply each exactly once', async () => {
    const url = await emptyDatabase();
    // Applied twice, any of these would fail with "relation already exists".
    const list = Array.from({ length: 10 }, (_, i) =>
      migration(`00${i}_table_${i}`, `CREATE TABLE "t${i}" ("id" INTEGER PRIMARY KEY);`),
    );

    const results = await Promise.all(Array.from({ length: 5 }, () => migrateDatabase(url, list)));

    expect(results.flatMap((r) => r.applied).sort()).toEqual(list.map((m) => m.name));
    expect((await ledger(url)).map((row) => row.migration_name).sort()).toEqual(
      list.map((m) => m.name),
    );
  });
});
