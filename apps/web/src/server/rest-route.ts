import { createRestRoutes, type RestRoutes } from '@registry/api/rest';
import { getRegistryDeps } from './registry';

let routes: RestRoutes | undefined;

type Method<P extends keyof RestRoutes> = keyof RestRoutes[P] & string;

/** A Next.js route handler delegating to the framework-free REST handler for `path`. */
export function restRoute<P extends keyof RestRoutes>(path: P, method: Method<P>) {
  return async (request: Request, context: { params: Promise<Record<string, string>> }) => {
    routes ??= createRestRoutes(getRegistryDeps());
    const handler = routes[path][method] as (
      request: Request,
      params: Record<string, string>,
    ) => Promise<Response>;
    // Routes without dynamic segments get no params from Next.js.
    return handler(request, (await context.params) ?? {});
  };
}
