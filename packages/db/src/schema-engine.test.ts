import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSchema } from './database-schema';
import { migrateDatabase } from './migrate';
import { schemaPath } from './migrations-folder';
import { diffDatamodels } from './schema-engine';
import { createEmptyDatabase, queryOnce, type TestDatabase } from './test-database';

const opened: TestDatabase[] = [];
afterAll(() => Promise.all(opened.map((database) => database.close())));

async function emptyDatabase(): Promise<string> {
  const database = await createEmptyDatabase();
  opened.push(database);
  return database.url;
}

describe('migrations and schema.prisma', () => {
  it('[DB][SCHEMA]: the migrations build exactly the schema that schema.prisma describes', async () => {
    const [migrated, pushed] = await Promise.all([emptyDatabase(), emptyDatabase()]);
    await migrateDatabase(migrated);
    // What Prisma itself would create from schema.prisma on an empty database.
    const fromSchema = await diffDatamodels(null, readFileSync(schemaPath, 'utf8'));
    await queryOnce(pushed, fromSchema);

    const [actual, expected] = await Promise.all([
      describeSchema(migrated),
      describeSchema(pushed),
    ]);

    expect(actual).toEqual(expected);
    // Guard against comparing two empty descriptions.
    expect(actual).toContain(
      "column plugins.registered_actions jsonb not null default '{}'::jsonb",
    );
    expect(actual).toContainEqual(
      expect.stringMatching(
        /^index plugins_registered_actions_gin .* USING gin \(registered_actions jsonb_path_ops\)$/,
      ),
    );
    expect(actual).toContainEqual(
      expect.stringMatching(/^constraint action_executions\.action_executions_plugin_id_fkey /),
    );
  });

  it('[DB][SCHEMA]: a datamodel diff yields the SQL for exactly what changed', async () => {
    const schema = readFileSync(schemaPath, 'utf8');
    const changed = schema.replace(
      '  assignee    String?\n',
      '  assignee    String?\n  estimate    Int?\n',
    );
    expect(changed).not.toBe(schema);

    const sql = await diffDatamodels(schema, changed);

    expect(sql).toMatch(/ALTER TABLE "tasks" ADD COLUMN\s+"estimate" INTEGER;/);
    expect(sql).not.toMatch(/CREATE TABLE/);
  });
});
