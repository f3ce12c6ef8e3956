import {
  ZDiscoverActionsQuerySchema,
  ZRegisterActionsRequestSchema,
  ZSetDefaultProviderBodySchema,
  ZSetDefaultProviderRequestSchema,
} from '@registry/contracts';
import {
  discoverActions,
  parseInput,
  type RegistryDeps,
  registerActions,
  setDefaultProvider,
} from '@registry/core';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { restHandler } from './rest-handler';
import { searchParamsOf } from './search-params';

/** `POST /api/plugins/{slug}/register-actions` */
export function registerActionsRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'plugin-self', async (request, { tenantId }, params) => {
      const body = parseInput(ZRegisterActionsRequestSchema, await readJsonBody(request));
      return jsonResponse(await registerActions(deps, tenantId, params.slug ?? '', body));
    }),
  };
}

/** `GET /api/plugins/actions?category=&plugin=&search=&limit=&cursor=` */
export function discoverActionsRoutes(deps: RegistryDeps) {
  return {
    GET: restHandler(deps, 'catalog', async (request, { tenantId }) => {
      const query = parseInput(ZDiscoverActionsQuerySchema, searchParamsOf(request));
      const { actions, next_cursor } = await discoverActions(deps, tenantId, query);
      // Without `limit` the answer keeps the seed's exact shape: `{ actions }`, every match.
      return jsonResponse(query.limit === undefined ? { actions } : { actions, next_cursor });
    }),
  };
}

/** `PUT /api/actions/{action_type}/default-provider` with `{ "plugin_id": ... }` */
export function defaultProviderRoutes(deps: RegistryDeps) {
  return {
    PUT: restHandler(deps, 'admin', async (request, { tenantId }, params) => {
      const { plugin_id } = parseInput(ZSetDefaultProviderBodySchema, await readJsonBody(request));
      const input = parseInput(ZSetDefaultProviderRequestSchema, {
        action_type: params.action_type,
        plugin_id,
      });
      return jsonResponse(await setDefaultProvider(deps, tenantId, input));
    }),
  };
}
