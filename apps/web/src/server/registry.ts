import { createRegistryDeps, type RegistryDeps } from '@registry/core';

const globalForRegistry = globalThis as { registryDeps?: RegistryDeps };

/** One set of dependencies (database pool, HTTP agent) per server process, created on first use. */
export function getRegistryDeps(): RegistryDeps {
  globalForRegistry.registryDeps ??= createRegistryDeps();
  return globalForRegistry.registryDeps;
}
