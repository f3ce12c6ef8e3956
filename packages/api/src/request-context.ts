import {
  authenticateSecret,
  authenticateSession,
  localAdmin,
  type Principal,
  type RegistryDeps,
} from '@registry/core';
import { isSameOriginWrite, readRequestCredentials } from './auth/request-credentials';

/** Who a request acts as. Every adapter (tRPC, REST, pages) resolves it here and nowhere else. */
export interface RequestContext {
  deps: RegistryDeps;
  /** Null: no credential, or one that was refused; `problem` may say why. */
  principal: Principal | null;
  problem?: string;
}

/**
 * A bearer token or plugin key wins; else the dashboard's session cookie (same-origin writes
 * only); else protected local mode. A credential that was presented but is not valid never
 * falls back to another.
 */
export async function resolveRequestContext(
  deps: RegistryDeps,
  request: Request,
): Promise<RequestContext> {
  const credentials = readRequestCredentials(request);
  if (credentials.problem) return { deps, principal: null, problem: credentials.problem };
  if (credentials.bearer) {
    const principal = await authenticateSecret(deps, credentials.bearer);
    return principal
      ? { deps, principal }
      : { deps, principal: null, problem: 'The token is not valid (unknown, revoked or expired).' };
  }
  if (credentials.session) {
    if (!isSameOriginWrite(request, credentials.origin)) {
      return { deps, principal: null, problem: 'Cross-site requests cannot use the session.' };
    }
    const principal = await authenticateSession(deps, credentials.session);
    if (principal) return { deps, principal };
  }
  return { deps, principal: await localAdmin(deps, credentials.origin) };
}
