import {
  ZAutomationHealthSchema,
  ZDiscoverActionsQuerySchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
  ZRegisterActionsRequestSchema,
  ZRegisterActionsResponseSchema,
  ZRestDiscoverActionsResponseSchema,
  ZSessionStateSchema,
  ZSignInRequestSchema,
  ZSignInResponseSchema,
  ZSignOutResponseSchema,
} from '@registry/contracts';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { PLUGIN_PATHS } from './plugin-paths';
import { jsonAnswer, restOperation } from './rest-operation';

/** Every REST route, keyed as OpenAPI paths; the schemas are the ones the handlers parse with. */
export const REST_PATHS: ZodOpenApiPathsObject = {
  ...PLUGIN_PATHS,
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
      description:
        'Starts a session of at most 12 hours: an httpOnly, SameSite=Strict cookie holding a ' +
        'random session id (`__Host-registry_session` on https and localhost). Same-origin ' +
        'requests only.',
      access: 'public',
      body: ZSignInRequestSchema,
      errors: ['UNAUTHORIZED', 'FORBIDDEN'],
      responses: { 200: jsonAnswer('Signed in', ZSignInResponseSchema) },
    }),
    delete: restOperation({
      tag: 'Session',
      summary: 'Sign out of the dashboard',
      description: 'Ends the session: its id is refused from then on.',
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
