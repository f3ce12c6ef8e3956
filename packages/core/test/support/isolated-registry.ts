import { createTestDatabase, type TestDatabase, testEnv } from '@registry/testing';
import { afterAll, beforeAll } from 'vitest';
import { createRegistryDeps } from '../../src/create-registry-deps';
import type { RegistryDeps } from '../../src/registry-deps';

/**
 * A registry on a database of its own, for test files that run a delivery worker: a worker
 * delivers every due event of its database, and the run's shared database holds other files'
 * events (a sync request's lease job, a retry two minutes away) that no worker should touch.
 * `registry()` is ready once the file's `beforeAll` hooks ran.
 */
export function isolatedRegistry(extra: Record<string, string> = {}) {
  let database: TestDatabase | undefined;
  const opened: RegistryDeps[] = [];
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    for (const deps of opened) await deps.close();
    await database?.close();
  });
  return {
    /** Another registry instance (as another process would have) on the same database. */
    registry(more: Record<string, string> = {}): RegistryDeps {
      if (!database) throw new Error('isolatedRegistry: call registry() once beforeAll has run');
      const deps = createRegistryDeps({
        ...testEnv(extra),
        DATABASE_URL: database.url,
        ...more,
      });
      opened.push(deps);
      return deps;
    },
  };
}
