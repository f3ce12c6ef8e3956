import { ZDispatchRequestSchema } from '@registry/contracts';
import { automationHealth, dispatchEvents, parseInput, type RegistryDeps } from '@registry/core';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { restHandler } from './rest-handler';

/** `/api/plugins/events/automation` — dispatch a batch (POST), health (GET). */
export function automationRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const batch = parseInput(ZDispatchRequestSchema, await readJsonBody(request));
      return jsonResponse(await dispatchEvents(deps, tenantId, batch));
    }),
    GET: restHandler(deps, 'catalog', async (_request, { tenantId }) => {
      const health = await automationHealth(deps, tenantId);
      return jsonResponse(health, health.status === 'healthy' ? 200 : 503);
    }),
  };
}
