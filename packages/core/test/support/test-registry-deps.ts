import { testEnv } from '@registry/testing';
import { afterAll } from 'vitest';
import { createRegistryDeps } from '../../src/create-registry-deps';

/**
 * The registry as a test file builds it: this run's database and the test environment (plus
 * `extra` settings), its pools, queue and plugin HTTP client closed after the file.
 */
export function testRegistryDeps(
  extra: Record<string, string> = {},
  overrides: Parameters<typeof createRegistryDeps>[1] = {},
) {
  const deps = createRegistryDeps(testEnv(extra), overrides);
  afterAll(() => deps.close());
  return deps;
}
