import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RegistryDeps } from '@registry/core';
import { createRestRoutes, type RestHandler, type RouteParams } from '../rest';
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
 * Serves the REST routes and tRPC over `node:http`, stamping each request with what the server
 * saw of its connection (`boundAddress()` is where the server is bound once it listens).
 */
export function createApiRequestListener(
  deps: RegistryDeps,
  boundAddress: () => string,
): ApiRequestListener {
  const routes = createRestRoutes(deps);
  const patterns = Object.keys(routes).map((pattern) => ({
    pattern,
    segments: pattern.split('/'),
    statics: pattern.split('/').filter((segment) => !segment.startsWith('[')).length,
  }));
  // Where a static and a dynamic route both match (`/api/plugins/actions` and
  // `/api/plugins/[slug]`), the more static one wins, as in Next.js.
  patterns.sort((a, b) => b.statics - a.statics);

  return async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://registry').pathname;
    const trpc = path === '/api/trpc' || path.startsWith('/api/trpc/');
    const route = trpc ? undefined : matchRoute(path);
    if (!trpc && !route) return false;
    stampRequestSocket(request.headers, readRequestSocket(request, boundAddress()));
    const fetchRequest = toFetchRequest(request, `http://${request.headers.host ?? 'registry'}`);
    if (trpc) {
      await sendFetchResponse(await handleTrpcRequest(deps, fetchRequest), response);
      return true;
    }
    const { methods, params } = route as NonNullable<typeof route>;
    const handler = methods[request.method ?? 'GET'];
    if (!handler) {
      const allow = Object.keys(methods).join(', ');
      response.writeHead(405, { allow, 'content-type': 'application/json' });
      response.end(JSON.stringify({ success: false, error: `Method not allowed; use ${allow}` }));
      return true;
    }
    await sendFetchResponse(await handler(fetchRequest, params), response);
    return true;
  };

  function matchRoute(path: string) {
    const parts = path.replace(/\/+$/, '').split('/');
    for (const { pattern, segments } of patterns) {
      if (segments.length !== parts.length) continue;
      const params: RouteParams = {};
      const matches = segments.every((segment, i) => {
        const part = decodePathPart(parts[i] as string);
        if (part === undefined) return false;
        if (!segment.startsWith('[')) return segment === part;
        params[segment.slice(1, -1)] = part;
        return part !== '';
      });
      if (matches) {
        const methods = routes[pattern as keyof typeof routes] as Record<string, RestHandler>;
        return { methods, params };
      }
    }
    return undefined;
  }
}

function decodePathPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
