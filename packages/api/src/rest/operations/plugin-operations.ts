import {
  ZConnectivityResultSchema,
  ZCreatePluginRequestSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZPluginListSchema,
  ZRegistrationHistorySchema,
  ZRestPluginCreatedResponseSchema,
  ZRestPluginDeletedResponseSchema,
  ZRestPluginResponseSchema,
  ZRestPluginUpdatedResponseSchema,
  ZRestRotatePluginKeyResponseSchema,
  ZRestVerifyEndpointResponseSchema,
  ZRotateSigningSecretResponseSchema,
  ZUpdatePluginFieldsSchema,
} from '@registry/contracts';
import {
  createPlugin,
  deletePlugin,
  getPlugin,
  listPlugins,
  listRegistrations,
  patchPlugin,
  replacePlugin,
  rotatePluginKey,
  rotateSigningSecret,
  testPluginConnectivity,
  verifyPluginEndpoint,
} from '@registry/core';
import { z } from 'zod';
import { defineOperation } from '../rest-operation';
import { ZSlugParamsSchema } from './path-params';

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

const updated = { description: 'The plugin updated', schema: ZRestPluginUpdatedResponseSchema };
const tag = 'Plugins';

const connectivityTest = (method: 'GET' | 'POST') =>
  defineOperation({
    method,
    path: '/api/plugins/{slug}/test',
    access: 'admin',
    tag,
    summary: "Test a plugin's connectivity",
    description: "Calls the plugin's `api_endpoint` and reports status and latency.",
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: { description: 'The outcome of the call', schema: ZConnectivityResultSchema },
    },
    handle: async ({ deps, tenantId, params }) => ({
      body: await testPluginConnectivity(deps, tenantId, params.slug),
    }),
  });

/** The routes that manage plugins: `/api/plugins` and `/api/plugins/{slug}[/...]`. */
export const PLUGIN_OPERATIONS = [
  defineOperation({
    method: 'GET',
    path: '/api/plugins',
    access: 'admin',
    tag,
    summary: 'List plugins',
    query: ZListPluginsQuerySchema,
    responses: { 200: { description: 'A page of plugins', schema: ZPluginListSchema } },
    handle: async ({ deps, tenantId, query }) => ({
      body: await listPlugins(deps, tenantId, query),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/plugins',
    access: 'admin',
    tag,
    summary: 'Create a plugin',
    description: 'The answer carries its `api_key` and `signing_secret`, shown this once.',
    body: ZCreatePluginRequestSchema,
    errors: ['CONFLICT'],
    responses: {
      201: { description: 'The plugin created', schema: ZRestPluginCreatedResponseSchema },
    },
    handle: async ({ deps, tenantId, body }) => {
      const plugin = await createPlugin(deps, tenantId, body);
      return {
        status: 201,
        body: { success: true, message: `Plugin created: ${plugin.slug}`, plugin },
      };
    },
  }),
  defineOperation({
    method: 'PUT',
    path: '/api/plugins',
    access: 'admin',
    tag,
    summary: 'Replace a plugin named by `slug` in the body',
    description: 'Omitted fields return to their defaults.',
    body: ZReplacePluginBySlugRequestSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: updated },
    handle: async ({ deps, tenantId, body: { slug, ...fields } }) => ({
      body: updatedAnswer(slug, await replacePlugin(deps, tenantId, slug, fields)),
    }),
  }),
  defineOperation({
    method: 'PATCH',
    path: '/api/plugins',
    access: 'admin',
    tag,
    summary: 'Change fields of a plugin named by `slug` in the body',
    body: ZPatchPluginBySlugRequestSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: updated },
    handle: async ({ deps, tenantId, body: { slug, ...fields } }) => ({
      body: updatedAnswer(slug, await patchPlugin(deps, tenantId, slug, fields)),
    }),
  }),
  defineOperation({
    method: 'GET',
    path: '/api/plugins/{slug}',
    access: 'admin',
    tag,
    summary: 'Read one plugin',
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: { description: 'The plugin', schema: ZRestPluginResponseSchema } },
    handle: async ({ deps, tenantId, params }) => ({
      body: { plugin: await getPlugin(deps, tenantId, params.slug) },
    }),
  }),
  defineOperation({
    method: 'PUT',
    path: '/api/plugins/{slug}',
    access: 'admin',
    tag,
    summary: 'Replace one plugin',
    description: 'Omitted fields return to their defaults.',
    params: ZSlugParamsSchema,
    body: ZUpdatePluginFieldsSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: updated },
    handle: async ({ deps, tenantId, params, body }) => {
      const plugin = await replacePlugin(deps, tenantId, params.slug, body);
      return { body: updatedAnswer(plugin.slug, plugin) };
    },
  }),
  defineOperation({
    method: 'PATCH',
    path: '/api/plugins/{slug}',
    access: 'admin',
    tag,
    summary: 'Change fields of one plugin',
    params: ZSlugParamsSchema,
    body: ZPatchPluginFieldsSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: updated },
    handle: async ({ deps, tenantId, params, body }) => {
      const plugin = await patchPlugin(deps, tenantId, params.slug, body);
      return { body: updatedAnswer(plugin.slug, plugin) };
    },
  }),
  defineOperation({
    method: 'DELETE',
    path: '/api/plugins/{slug}',
    access: 'admin',
    tag,
    summary: 'Remove one plugin',
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: { description: 'The plugin removed', schema: ZRestPluginDeletedResponseSchema },
    },
    handle: async ({ deps, tenantId, params }) => {
      await deletePlugin(deps, tenantId, params.slug);
      return { body: { success: true, message: `Plugin deleted: ${params.slug}` } };
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/api/plugins/{slug}/registrations',
    access: 'admin',
    tag,
    summary: "List a plugin's registrations",
    description:
      'Every accepted registration of its actions, newest first (the latest 100): the set, who ' +
      'sent it, and what it changed from the one before.',
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: { description: 'The revisions', schema: ZRegistrationHistorySchema },
    },
    handle: async ({ deps, tenantId, params }) => ({
      body: await listRegistrations(deps, tenantId, params.slug),
    }),
  }),
  connectivityTest('GET'),
  connectivityTest('POST'),
  defineOperation({
    method: 'POST',
    path: '/api/plugins/{slug}/rotate-key',
    access: 'admin',
    tag,
    summary: "Rotate a plugin's API key",
    description: 'The new key is shown this once; the old one stops working at once.',
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: { description: 'The new key', schema: ZRestRotatePluginKeyResponseSchema } },
    handle: async ({ deps, tenantId, params }) => ({
      body: { success: true, ...(await rotatePluginKey(deps, tenantId, params.slug)) },
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/plugins/{slug}/rotate-secret',
    access: 'admin',
    tag,
    summary: "Rotate a plugin's signing secret",
    description: 'The new secret is shown this once; the previous one still signs for 24 hours.',
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: { description: 'The new secret', schema: ZRotateSigningSecretResponseSchema },
    },
    handle: async ({ deps, tenantId, params }) => ({
      body: await rotateSigningSecret(deps, tenantId, params.slug),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/plugins/{slug}/verify',
    access: 'plugin-self',
    tag,
    summary: "Prove the plugin's api_endpoint (endpoint ownership challenge)",
    description:
      'Sends a signed challenge to api_endpoint + /.well-known/registry-verification; a plugin ' +
      "in pending_verification becomes active on the right answer. An admin or the plugin's " +
      'own key may ask.',
    params: ZSlugParamsSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: {
        description: 'The outcome of the challenge',
        schema: ZRestVerifyEndpointResponseSchema,
      },
    },
    handle: async ({ deps, tenantId, params }) => {
      const result = await verifyPluginEndpoint(deps, tenantId, params.slug);
      return { body: { success: result.verified, ...result } };
    },
  }),
];

function updatedAnswer(slug: string, plugin: unknown) {
  return { success: true, message: `Plugin updated: ${slug}`, plugin };
}
