import {
  ZConnectivityResultSchema,
  ZCreatePluginRequestSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZPluginListSchema,
  ZRestPluginCreatedResponseSchema,
  ZRestPluginDeletedResponseSchema,
  ZRestPluginResponseSchema,
  ZRestPluginUpdatedResponseSchema,
  ZRestRotatePluginKeyResponseSchema,
  ZRestVerifyEndpointResponseSchema,
  ZRotateSigningSecretResponseSchema,
  ZUpdatePluginFieldsSchema,
} from '@registry/contracts';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import {
  ZPatchPluginBySlugRequestSchema,
  ZReplacePluginBySlugRequestSchema,
} from '../rest/plugin-routes';
import { jsonAnswer, restOperation } from './rest-operation';

const connectivityTest = restOperation({
  tag: 'Plugins',
  summary: "Test a plugin's connectivity",
  description: "Calls the plugin's `api_endpoint` and reports status and latency.",
  access: 'admin',
  slug: true,
  responses: { 200: jsonAnswer('The outcome of the call', ZConnectivityResultSchema) },
});

/** The routes that manage plugins: `/api/plugins` and `/api/plugins/{slug}[/...]`. */
export const PLUGIN_PATHS: ZodOpenApiPathsObject = {
  '/api/plugins': {
    get: restOperation({
      tag: 'Plugins',
      summary: 'List plugins',
      access: 'admin',
      query: ZListPluginsQuerySchema,
      responses: { 200: jsonAnswer('A page of plugins', ZPluginListSchema) },
    }),
    post: restOperation({
      tag: 'Plugins',
      summary: 'Create a plugin',
      description: 'The answer carries its `api_key` and `signing_secret`, shown this once.',
      access: 'admin',
      body: ZCreatePluginRequestSchema,
      errors: ['CONFLICT'],
      responses: { 201: jsonAnswer('The plugin created', ZRestPluginCreatedResponseSchema) },
    }),
    put: restOperation({
      tag: 'Plugins',
      summary: 'Replace a plugin named by `slug` in the body',
      description: 'Omitted fields return to their defaults.',
      access: 'admin',
      body: ZReplacePluginBySlugRequestSchema,
      errors: ['NOT_FOUND'],
      responses: { 200: jsonAnswer('The plugin updated', ZRestPluginUpdatedResponseSchema) },
    }),
    patch: restOperation({
      tag: 'Plugins',
      summary: 'Change fields of a plugin named by `slug` in the body',
      access: 'admin',
      body: ZPatchPluginBySlugRequestSchema,
      errors: ['NOT_FOUND'],
      responses: { 200: jsonAnswer('The plugin updated', ZRestPluginUpdatedResponseSchema) },
    }),
  },
  '/api/plugins/{slug}': {
    get: restOperation({
      tag: 'Plugins',
      summary: 'Read one plugin',
      access: 'admin',
      slug: true,
      responses: { 200: jsonAnswer('The plugin', ZRestPluginResponseSchema) },
    }),
    put: restOperation({
      tag: 'Plugins',
      summary: 'Replace one plugin',
      description: 'Omitted fields return to their defaults.',
      access: 'admin',
      slug: true,
      body: ZUpdatePluginFieldsSchema,
      responses: { 200: jsonAnswer('The plugin updated', ZRestPluginUpdatedResponseSchema) },
    }),
    patch: restOperation({
      tag: 'Plugins',
      summary: 'Change fields of one plugin',
      access: 'admin',
      slug: true,
      body: ZPatchPluginFieldsSchema,
      responses: { 200: jsonAnswer('The plugin updated', ZRestPluginUpdatedResponseSchema) },
    }),
    delete: restOperation({
      tag: 'Plugins',
      summary: 'Remove one plugin',
      access: 'admin',
      slug: true,
      responses: { 200: jsonAnswer('The plugin removed', ZRestPluginDeletedResponseSchema) },
    }),
  },
  '/api/plugins/{slug}/test': { get: connectivityTest, post: connectivityTest },
  '/api/plugins/{slug}/rotate-key': {
    post: restOperation({
      tag: 'Plugins',
      summary: "Rotate a plugin's API key",
      description: 'The new key is shown this once; the old one stops working at once.',
      access: 'admin',
      slug: true,
      responses: { 200: jsonAnswer('The new key', ZRestRotatePluginKeyResponseSchema) },
    }),
  },
  '/api/plugins/{slug}/rotate-secret': {
    post: restOperation({
      tag: 'Plugins',
      summary: "Rotate a plugin's signing secret",
      description: 'The new secret is shown this once; the previous one still signs for 24 hours.',
      access: 'admin',
      slug: true,
      responses: { 200: jsonAnswer('The new secret', ZRotateSigningSecretResponseSchema) },
    }),
  },
  '/api/plugins/{slug}/verify': {
    post: restOperation({
      tag: 'Plugins',
      summary: "Prove the plugin's api_endpoint (endpoint ownership challenge)",
      description:
        'Sends a signed challenge to api_endpoint + /.well-known/registry-verification; a plugin ' +
        "in pending_verification becomes active on the right answer. An admin or the plugin's " +
        'own key may ask.',
      access: 'plugin-self',
      slug: true,
      responses: {
        200: jsonAnswer('The outcome of the challenge', ZRestVerifyEndpointResponseSchema),
      },
    }),
  },
};
