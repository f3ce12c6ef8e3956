import type { RegistryDeps } from '@registry/core';
import { openApiDocument } from '../openapi';
import { jsonResponse } from './json-response';
import { publicRestHandler } from './rest-handler';

/**
 * `GET /api/openapi.json` — the OpenAPI document of these routes. Public: it describes the API
 * and reveals no data, so tools and the docs page can read it without a credential.
 */
export function openApiRoutes(deps: RegistryDeps) {
  return {
    GET: publicRestHandler(deps, async () => jsonResponse(openApiDocument())),
  };
}
