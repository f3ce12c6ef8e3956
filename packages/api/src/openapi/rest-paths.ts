import {
  ZAutomationHealthSchema,
  ZConnectivityResultSchema,
  ZCreatePluginRequestSchema,
  ZDiscoverActionsQuerySchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZPluginListSchema,
  ZRegisterActionsRequestSchema,
  ZRegisterActionsResponseSchema,
  ZRestDiscoverActionsResponseSchema,
  ZRestPluginCreatedResponseSchema,
  ZRestPluginDeletedResponseSchema,
  ZRestPluginResponseSchema,
  ZRestPluginUpdatedResponseSchema,
  ZRestRotatePluginKeyResponseSchema,
  ZRotateSigningSecretResponseSchema,
  ZSessionStateSchema,
  ZSignInRequestSchema,
  ZSignInResponseSchema,
  ZSignOutResponseSchema,
  ZUpdatePluginFieldsSchema,
} from '@registry/contracts';
import { z } from 'zod';
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

/** Every REST route, keyed as OpenAPI paths; the schemas are the ones the handlers parse with. */
export const REST_PATHS: ZodOpenApiPathsObject = {
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
  '/api/plugins/actions': {
    get: restOperation({
      tag: 'Actions',
      summary: 'Discover actions',
      description:
        'Platform actions and the actions of active plugins. Without `limit`, every match and no `next_cursor`.',
      access: 'catalog',
      query: ZDiscoverActionsQuerySchema,
      responses: { 200: jsonAnswer('The matching actions', ZRestDiscoverActionsResponseSchema) },
    }),
  },
  '/api/plugins/events/automation': {
    post: restOperation({
      tag: 'Automation',
      summary: 'Dispatch a batch of automation events',
      description:
        "Each event fails or succeeds on its own; results come back in input order. A replayed event's key answers its recorded outcome.",
      access: 'admin',
      body: ZDispatchRequestSchema,
      responses: { 200: jsonAnswer('Per-event results and a summary', ZDispatchResponseSchema) },
    }),
    get: restOperation({
      tag: 'Automation',
      summary: 'Health: platform and plugin actions, circuit breakers',
      access: 'catalog',
      responses: {
        200: jsonAnswer('Healthy', ZAutomationHealthSchema),
        503: jsonAnswer('Degraded: plugin actions could not be listed', ZAutomationHealthSchema),
      },
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
  '/api/plugins/{slug}/register-actions': {
    post: restOperation({
      tag: 'Actions',
      summary: "Register a plugin's actions",
      description:
        "Replaces the plugin's whole set atomically after validating every action; a rejected set changes nothing.",
      access: 'plugin-self',
      slug: true,
      body: ZRegisterActionsRequestSchema,
      responses: {
        200: jsonAnswer('The set registered, and what changed', ZRegisterActionsResponseSchema),
      },
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
  '/api/session': {
    get: restOperation({
      tag: 'Session',
      summary: 'Who the caller is',
      access: 'public',
      responses: { 200: jsonAnswer('The caller, if signed in', ZSessionStateSchema) },
    }),
    post: restOperation({
      tag: 'Session',
      summary: 'Sign in to the dashboard with an admin token',
      description: 'Sets an httpOnly, SameSite=Strict session cookie. Same-origin requests only.',
      access: 'public',
      body: ZSignInRequestSchema,
      errors: ['UNAUTHORIZED', 'FORBIDDEN'],
      responses: { 200: jsonAnswer('Signed in', ZSignInResponseSchema) },
    }),
    delete: restOperation({
      tag: 'Session',
      summary: 'Sign out of the dashboard',
      access: 'public',
      responses: { 200: jsonAnswer('Signed out', ZSignOutResponseSchema) },
    }),
  },
  '/api/metrics': {
    get: restOperation({
      tag: 'Operations',
      summary: 'Prometheus metrics',
      description:
        'Dispatched events, plugin attempts, retries and circuit states, for every tenant this process serves.',
      access: 'admin',
      responses: {
        200: {
          description: 'Prometheus text format',
          content: { 'text/plain': { schema: z.string() } },
        },
      },
    }),
  },
  '/api/openapi.json': {
    get: restOperation({
      tag: 'Documentation',
      summary: 'This OpenAPI document',
      access: 'public',
      responses: {
        200: {
          description: 'OpenAPI 3.1',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    }),
  },
};
