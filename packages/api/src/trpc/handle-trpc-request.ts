import type { RegistryDeps } from '@registry/core';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { resolveRequestContext } from '../request-context';
import { appRouter } from './app-router';

/** Serves `/api/trpc/*` for any host with Fetch API requests (Next.js route handlers, tests). */
export function handleTrpcRequest(deps: RegistryDeps, request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: request,
    router: appRouter,
    createContext: () => resolveRequestContext(deps, request),
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.logger.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
      }
    },
  });
}
