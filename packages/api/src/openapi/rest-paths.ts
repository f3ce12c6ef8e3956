import {
  ZAsyncDispatchResponseSchema,
  ZAutomationHealthSchema,
  ZDiscoverActionsQuerySchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
  ZRegisterActionsRequestSchema,
  ZRegisterActionsResponseSchema,
  ZRestDiscoverActionsResponseSchema,
  ZSessionStateSchema,
  ZSetDefaultProviderBodySchema,
  ZSetDefaultProviderResponseSchema,
  ZSignInRequestSchema,
  ZSignInResponseSchema,
  ZSignOutResponseSchema,
} from '@registry/contracts';
import { z } from 'zod';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { EXECUTION_PATHS } from './execution-paths';
import { PLUGIN_PATHS } from './plugin-paths';
import { jsonAnswer, restOperation } from './rest-operation';

/** Every REST route, keyed as OpenAPI paths; the schemas are the ones the handlers parse with. */
export const REST_PATHS: ZodOpenApiPathsObject = {
  ...PLUGIN_PATHS,
  ...EXECUTION_PATHS,
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
        'Every event is recorded and queued durably first. By default the answer waits for each event\'s outcome (an event still failing at the deadline comes back `retrying`, with `next_attempt_at`, and the queue goes on with it). With `"mode": "async"` or `Prefer: respond-async` the answer is 202 at once: outcomes come from `GET /api/executions`. Each event fails or succeeds on its own; results come back in input order. A replayed event\'s key answers its recorded outcome.',
      access: 'admin',
      body: ZDispatchRequestSchema,
      responses: {
        200: jsonAnswer('Per-event results and a summary', ZDispatchResponseSchema),
        202: jsonAnswer(
          'Async: what was queued, and what was refused before any call',
          ZAsyncDispatchResponseSchema,
        ),
      },
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
  '/api/actions/{action_type}/default-provider': {
    put: restOperation({
      tag: 'Actions',
      summary: "Choose the plugin that receives an action type's events sent without plugin_id",
      description:
        "By default that is the plugin that registered the type first. The choice holds while the plugin registers the type. A platform action's type is refused: events without plugin_id run the platform's.",
      access: 'admin',
      actionType: true,
      body: ZSetDefaultProviderBodySchema,
      errors: ['NOT_FOUND'],
      responses: {
        200: jsonAnswer('The default provider now', ZSetDefaultProviderResponseSchema),
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
