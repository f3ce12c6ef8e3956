import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  automationHealth,
  dispatchEvents,
  enqueueEvents,
  parseInput,
  type RegistryDeps,
} from '@registry/core';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { restHandler } from './rest-handler';

/**
 * `/api/plugins/events/automation` — dispatch a batch (POST), health (GET). A batch waits for
 * its outcomes unless it asks not to (`"mode": "async"` or `Prefer: respond-async`): then it is
 * queued and answered 202 at once.
 */
export function automationRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const batch = parseInput(ZDispatchRequestSchema, await readJsonBody(request));
      if (batch.mode === 'async' || (batch.mode === undefined && prefersAsync(request))) {
        const queued = await enqueueEvents(deps, tenantId, batch);
        const response = jsonResponse(queued, 202);
        response.headers.set('preference-applied', 'respond-async');
        return response;
      }
      return jsonResponse(await dispatchEvents(deps, tenantId, batch));
    }),
    GET: restHandler(deps, 'catalog', async (_request, { tenantId }) => {
      const health = await automationHealth(deps, tenantId);
      return jsonResponse(health, health.status === 'healthy' ? 200 : 503);
    }),
  };
}

/** RFC 7240: `Prefer: respond-async` (among other preferences, any case). */
function prefersAsync(request: Request): boolean {
  return (request.headers.get('prefer') ?? '')
    .split(',')
    .some((preference) => preference.trim().toLowerCase().startsWith('respond-async'));
}
