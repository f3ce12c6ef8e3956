import { resolveRequestContext } from '@registry/api';
import { type LocalAccessState, localAccessState, type Principal } from '@registry/core';
import { headers } from 'next/headers';
import { getRegistryDeps } from './registry';

export interface DashboardAccess {
  principal: Principal | null;
  localAccess: LocalAccessState;
}

/**
 * Who is looking at a dashboard page, by the same rule the API applies to every request:
 * session cookie, else protected local mode. Pages render only for an admin.
 */
export async function dashboardAccess(): Promise<DashboardAccess> {
  const deps = getRegistryDeps();
  const requestHeaders = await headers();
  const host = requestHeaders.get('host') ?? 'localhost';
  const request = new Request(`http://${host}/`, { headers: requestHeaders });
  const [{ principal }, localAccess] = await Promise.all([
    resolveRequestContext(deps, request),
    localAccessState(deps),
  ]);
  return { principal: principal?.kind === 'admin' ? principal : null, localAccess };
}
