import { AppError, type RegistryDeps } from '@registry/core';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { resolveRequestContext } from '../request-context';
import { appRouter } from './app-router';
import { toTrpcError } from './trpc-error-codes';
import { checkTrpcRequest, withSizeLimitedBody } from './trpc-request-limits';

/** Serves `/api/trpc/*` for any host with Fetch API requests (Next.js route handlers, tests). */
export function handleTrpcRequest(deps: RegistryDeps, request: Request): Promise<Response> {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req: withSizeLimitedBody(request),
    router: appRouter,
    createContext: ({ info }) => {
      try {
        checkTrpcRequest(request, info);
      } catch (error) {
        throw error instanceof AppError ? toTrpcError(error) : error;
      }
      return resolveRequestContext(deps, request);
    },
    onError({ error, path }) {
      if (error.code === 'INTERNAL_SERVER_ERROR') {
        deps.logger.error({ err: error.cause ?? error, path }, 'tRPC procedure failed');
      }
    },
  });
}
