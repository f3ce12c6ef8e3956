import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryDeps } from '@registry/core';
import { handleMcpRequest } from '../mcp/handle-mcp-request';
import { createRestRouter } from '../rest/rest-router';
import { handleTrpcRequest } from '../trpc/handle-trpc-request';
import { sendFetchResponse, toFetchRequest } from './fetch-bridge';
import { readRequestSocket } from './request-socket';
import { stampRequestSocket } from './socket-stamp';

/** Answers a request for `/api/*`, or returns false when the path is not an API route. */
export type ApiRequestListener = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<boolean>;

/**
 * Serves the REST routes, tRPC and MCP over `node:http`, stamping each request with what the
 * server saw of its connection (`boundAddress()` is where the server is bound once it listens).
 */
export function createApiRequestListener(
  deps: RegistryDeps,
  boundAddress: () => string,
): ApiRequestListener {
  const routeRest = createRestRouter(deps);
  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://registry').pathname;
    if (!path.startsWith('/api/')) return false;
    stampRequestSocket(request.headers, readRequestSocket(request, boundAddress()));
    const fetchRequest = toFetchRequest(request, `http://${request.headers.host ?? 'registry'}`);
    let answer: Response | undefined;
    if (path === '/api/trpc' || path.startsWith('/api/trpc/')) {
      answer = await handleTrpcRequest(deps, fetchRequest);
    } else if (path === '/api/mcp') {
      answer = await handleMcpRequest(deps, fetchRequest);
    } else {
      answer = await routeRest(fetchRequest);
    }
    if (!answer) return false;
    await sendFetchResponse(answer, response);
    return true;
  };
}
