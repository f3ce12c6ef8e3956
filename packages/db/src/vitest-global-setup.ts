import './provided-context';
import type { TestProject } from 'vitest/node';
import { createTestDatabase } from './test-database';

/** One migrated database per test run of a package; tests isolate themselves by tenant. */
export default async function setup(project: TestProject) {
  const database = await createTestDatabase();
  project.provide('databaseUrl', database.url);
  project.provide('databaseKind', database.kind);
  console.log(`[test database] ${database.kind} PostgreSQL`);
  return () => database.close();
}
