import { resolveRequestContext } from '@registry/api';
import type { Principal } from '@registry/core';
import { headers } from 'next/headers';
import { getRegistryDeps } from './registry';

/**
 * Who is looking at a dashboard page, by the same rule the API applies to every request:
 * session cookie, else protected local mode (from the socket our web server stamped on the
 * request). Pages render only for an admin.
 */
export async function dashboardPrincipal(): Promise<Principal | null> {
  const requestHeaders = await headers();
  const host = requestHeaders.get('host') ?? 'localhost';
  const request = new Request(`http://${host}/`, { headers: requestHeaders });
  const { principal } = await resolveRequestContext(getRegistryDeps(), request);
  return principal?.kind === 'admin' ? principal : null;
}
