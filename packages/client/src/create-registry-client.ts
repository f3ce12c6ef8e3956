import { MAX_TRPC_BATCH_CALLS } from '@registry/contracts/request-limits';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { AppRouter } from './app-router';

export interface RegistryClientOptions {
  /** Where the registry is served, e.g. `http://localhost:5173` (no `/api/trpc`). */
  url: string;
  /** An admin token or a plugin key, sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Another `fetch` (a test double, a proxy-aware one); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

export type RegistryClient = TRPCClient<AppRouter>;

/**
 * A typed client of the registry's tRPC API: `client.actions.discover.query({ category })`.
 * Calls made in the same tick travel as one HTTP request, up to the server's batch limit. The
 * server uses no transformer (every value it answers is plain JSON), so neither does this client.
 */
export function createRegistryClient({ url, token, fetch }: RegistryClientOptions): RegistryClient {
  const authorization = token ? { authorization: `Bearer ${token}` } : {};
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${url.replace(/\/+$/, '')}/api/trpc`,
        maxItems: MAX_TRPC_BATCH_CALLS,
        headers: () => authorization,
        ...(fetch ? { fetch } : {}),
      }),
    ],
  });
}
