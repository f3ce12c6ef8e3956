import type { RegistryDeps } from '@registry/core';
import { createRestRoutes } from '../rest';
import { jsonResponse } from '../rest/json-response';
import type { RestHandler, RouteParams } from '../rest/rest-handler';

/** Answers a request for a REST route, or undefined when no route has its path. */
export type RestRouter = (request: Request) => Promise<Response | undefined>;

/**
 * Routes Fetch API requests to the REST handlers by path pattern, as the web server does:
 * `[name]` segments become URL-decoded params, and where a static and a dynamic route both
 * match (`/api/plugins/actions`, `/api/plugins/[slug]`) the more static one wins, as in
 * Next.js. A known path with another method answers 405 naming the allowed ones.
 */
export function createRestRouter(deps: RegistryDeps): RestRouter {
  const routes = createRestRoutes(deps) as unknown as Record<string, Record<string, RestHandler>>;
  const patterns = Object.keys(routes)
    .map((pattern) => ({
      methods: routes[pattern] as Record<string, RestHandler>,
      segments: pattern.split('/'),
      statics: pattern.split('/').filter((segment) => !segment.startsWith('[')).length,
    }))
    .sort((a, b) => b.statics - a.statics);

  return async (request) => {
    const parts = new URL(request.url).pathname.replace(/\/+$/, '').split('/');
    for (const { methods, segments } of patterns) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      const handler = methods[request.method];
      if (handler) return handler(request, params);
      const allow = Object.keys(methods).join(', ');
      const response = jsonResponse(
        { success: false, error: `Method not allowed; use ${allow}` },
        405,
      );
      response.headers.set('allow', allow);
      return response;
    }
    return undefined;
  };
}

function matchSegments(segments: string[], parts: string[]): RouteParams | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: RouteParams = {};
  for (const [i, segment] of segments.entries()) {
    const part = decodePathPart(parts[i] as string);
    if (part === undefined) return undefined;
    if (!segment.startsWith('[')) {
      if (segment !== part) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.slice(1, -1)] = part;
    }
  }
  return params;
}

function decodePathPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
