import type { RegistryDeps } from '@registry/core';
import { createRestRoutes } from '../rest';
import type { RestHandler } from '../rest/rest-handler';

type Routes = Record<string, Partial<Record<string, RestHandler>>>;

/**
 * Answers a request as the web host routes it: the handler picked by path pattern (static
 * segments before `[slug]`, as in Next.js), `[slug]` URL-decoded; undefined for no route.
 */
export function createRestRouter(deps: RegistryDeps) {
  const routes: Routes = createRestRoutes(deps);
  const patterns = Object.keys(routes).map((pattern) => ({
    pattern,
    regex: new RegExp(`^${pattern.replace('[slug]', '(?<slug>[^/]+)')}$`),
  }));
  return async (request: Request): Promise<Response | undefined> => {
    const path = new URL(request.url).pathname;
    const match = patterns.find(({ regex }) => regex.test(path));
    const handler = match && routes[match.pattern]?.[request.method];
    if (!match || !handler) return undefined;
    const slug = match.regex.exec(path)?.groups?.slug;
    return handler(request, slug ? { slug: decodeURIComponent(slug) } : {});
  };
}
