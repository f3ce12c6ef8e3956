import {
  ZListExecutionsParamsSchema,
  ZRecoverPluginEventsRequestSchema,
} from '@registry/contracts';
import {
  getExecution,
  listExecutions,
  parseInput,
  type RegistryDeps,
  recoverPluginEvents,
  redeliverExecution,
} from '@registry/core';
import { z } from 'zod';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { type RouteParams, restHandler } from './rest-handler';
import { searchParamsOf } from './search-params';

const ZExecutionIdSchema = z.object({ id: z.guid('must be an execution id (a UUID)') });
const idOf = (params: RouteParams) => parseInput(ZExecutionIdSchema, params).id;

/** `GET /api/executions` — the tenant's executions, newest first, filtered, paged by cursor. */
export function executionCollectionRoutes(deps: RegistryDeps) {
  return {
    GET: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const query = parseInput(ZListExecutionsParamsSchema, searchParamsOf(request));
      return jsonResponse(await listExecutions(deps, tenantId, query));
    }),
  };
}

/** `GET /api/executions/{id}` — one event's status, attempts, next attempt and outcome. */
export function executionItemRoutes(deps: RegistryDeps) {
  return {
    GET: restHandler(deps, 'admin', async (_request, { tenantId }, params) =>
      jsonResponse(await getExecution(deps, tenantId, idOf(params))),
    ),
  };
}

/** `POST /api/executions/{id}/redeliver` — a failed or dead event, delivered again. */
export function redeliverExecutionRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'admin', async (_request, { tenantId }, params) =>
      jsonResponse(await redeliverExecution(deps, tenantId, idOf(params))),
    ),
  };
}

/** `POST /api/plugins/{slug}/recover` — a plugin's failed and dead events since a time, again. */
export function recoverPluginEventsRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'admin', async (request, { tenantId }, params) => {
      const { since } = parseInput(ZRecoverPluginEventsRequestSchema, await readJsonBody(request));
      const recovered = await recoverPluginEvents(
        deps,
        tenantId,
        params.slug ?? '',
        new Date(since),
      );
      return jsonResponse({ success: true, ...recovered });
    }),
  };
}
