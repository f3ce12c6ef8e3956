import type { RegistryDeps } from '@registry/core';
import { restHandler } from './rest-handler';

/**
 * `GET /api/metrics` — the dispatcher's metrics in Prometheus' text format, for administrators
 * (a scraper sends an admin token): the figures span every tenant this process serves.
 */
export function metricsRoutes(deps: RegistryDeps) {
  return {
    GET: restHandler(deps, 'admin', async () => {
      const { registry } = deps.metrics;
      return new Response(await registry.metrics(), {
        headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
      });
    }),
  };
}
