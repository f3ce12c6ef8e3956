import {
  ZCreatePluginRequestSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZUpdatePluginFieldsSchema,
} from '@registry/contracts';
import {
  createPlugin,
  deletePlugin,
  getPlugin,
  listPlugins,
  parseInput,
  patchPlugin,
  type RegistryDeps,
  replacePlugin,
  rotatePluginKey,
  rotateSigningSecret,
  testPluginConnectivity,
  verifyPluginEndpoint,
} from '@registry/core';
import { z } from 'zod';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { type RouteParams, restHandler } from './rest-handler';
import { searchParamsOf } from './search-params';

/** Names an existing plugin; creation rules (reserved words, pattern) apply only to new slugs. */
const ZExistingSlugSchema = z.string().min(1, 'must not be empty').max(64);

/** `PUT /api/plugins`: a whole plugin, named by `slug` in the body. */
export const ZReplacePluginBySlugRequestSchema = z.strictObject({
  slug: ZExistingSlugSchema,
  ...ZUpdatePluginFieldsSchema.shape,
});

/** `PATCH /api/plugins`: some of a plugin's fields, named by `slug` in the body. */
export const ZPatchPluginBySlugRequestSchema = z.strictObject({
  slug: ZExistingSlugSchema,
  ...ZPatchPluginFieldsSchema.shape,
});

const slugOf = (params: RouteParams) => params.slug ?? '';

/** `/api/plugins` — list and create; PUT and PATCH name the plugin by `slug` in the body. */
export function pluginCollectionRoutes(deps: RegistryDeps) {
  return {
    GET: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const query = parseInput(ZListPluginsQuerySchema, searchParamsOf(request));
      return jsonResponse(await listPlugins(deps, tenantId, query));
    }),
    POST: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const input = parseInput(ZCreatePluginRequestSchema, await readJsonBody(request));
      const plugin = await createPlugin(deps, tenantId, input);
      return jsonResponse(
        { success: true, message: `Plugin created: ${plugin.slug}`, plugin },
        201,
      );
    }),
    PUT: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const { slug, ...fields } = parseInput(
        ZReplacePluginBySlugRequestSchema,
        await readJsonBody(request),
      );
      const plugin = await replacePlugin(deps, tenantId, slug, fields);
      return jsonResponse({ success: true, message: `Plugin updated: ${slug}`, plugin });
    }),
    PATCH: restHandler(deps, 'admin', async (request, { tenantId }) => {
      const { slug, ...fields } = parseInput(
        ZPatchPluginBySlugRequestSchema,
        await readJsonBody(request),
      );
      const plugin = await patchPlugin(deps, tenantId, slug, fields);
      return jsonResponse({ success: true, message: `Plugin updated: ${slug}`, plugin });
    }),
  };
}

/** `/api/plugins/{slug}` — one plugin. */
export function pluginItemRoutes(deps: RegistryDeps) {
  return {
    GET: restHandler(deps, 'admin', async (_request, { tenantId }, params) =>
      jsonResponse({ plugin: await getPlugin(deps, tenantId, slugOf(params)) }),
    ),
    PUT: restHandler(deps, 'admin', async (request, { tenantId }, params) => {
      const fields = parseInput(ZUpdatePluginFieldsSchema, await readJsonBody(request));
      const plugin = await replacePlugin(deps, tenantId, slugOf(params), fields);
      return jsonResponse({ success: true, message: `Plugin updated: ${plugin.slug}`, plugin });
    }),
    PATCH: restHandler(deps, 'admin', async (request, { tenantId }, params) => {
      const fields = parseInput(ZPatchPluginFieldsSchema, await readJsonBody(request));
      const plugin = await patchPlugin(deps, tenantId, slugOf(params), fields);
      return jsonResponse({ success: true, message: `Plugin updated: ${plugin.slug}`, plugin });
    }),
    DELETE: restHandler(deps, 'admin', async (_request, { tenantId }, params) => {
      await deletePlugin(deps, tenantId, slugOf(params));
      return jsonResponse({ success: true, message: `Plugin deleted: ${slugOf(params)}` });
    }),
  };
}

/** `POST /api/plugins/{slug}/rotate-key` — a new API key, shown once; the old one stops working. */
export function rotatePluginKeyRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'admin', async (_request, { tenantId }, params) =>
      jsonResponse({ success: true, ...(await rotatePluginKey(deps, tenantId, slugOf(params))) }),
    ),
  };
}

/** `POST /api/plugins/{slug}/rotate-secret` — a new signing secret, shown once. */
export function rotateSecretRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'admin', async (_request, { tenantId }, params) =>
      jsonResponse(await rotateSigningSecret(deps, tenantId, slugOf(params))),
    ),
  };
}

/** `/api/plugins/{slug}/test` — connectivity test (GET or POST, as curl users like). */
export function pluginTestRoutes(deps: RegistryDeps) {
  const test = restHandler(deps, 'admin', async (_request, { tenantId }, params) =>
    jsonResponse(await testPluginConnectivity(deps, tenantId, slugOf(params))),
  );
  return { GET: test, POST: test };
}

/** `POST /api/plugins/{slug}/verify` — the endpoint ownership challenge (admin or own key). */
export function verifyEndpointRoutes(deps: RegistryDeps) {
  return {
    POST: restHandler(deps, 'plugin-self', async (_request, { tenantId }, params) => {
      const result = await verifyPluginEndpoint(deps, tenantId, slugOf(params));
      return jsonResponse({ success: result.verified, ...result });
    }),
  };
}
