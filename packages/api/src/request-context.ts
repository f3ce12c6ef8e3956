import type { RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';

/** Who a request acts for. Every adapter (tRPC, REST) resolves it here and nowhere else. */
export interface RequestContext {
  deps: RegistryDeps;
  tenantId: string;
}

/**
 * Until credentials exist, every request acts for the default tenant, as in the seed document.
 * Access control replaces this one function.
 */
export function resolveRequestContext(deps: RegistryDeps, _request?: Request): RequestContext {
  return { deps, tenantId: DEFAULT_TENANT_ID };
}
