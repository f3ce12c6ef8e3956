import {
  ZDiscoverActionsQuerySchema,
  ZRegisterActionsRequestSchema,
  ZRegisterActionsResponseSchema,
  ZRegistrationPreviewSchema,
  ZRestDiscoverActionsResponseSchema,
  ZSetDefaultProviderBodySchema,
  ZSetDefaultProviderRequestSchema,
  ZSetDefaultProviderResponseSchema,
} from '@registry/contracts';
import {
  credentialLabel,
  discoverActions,
  parseInput,
  previewRegistration,
  registerActions,
  setDefaultProvider,
} from '@registry/core';
import { defineOperation } from '../rest-operation';
import { ZActionTypeParamsSchema, ZSlugParamsSchema } from './path-params';

const tag = 'Actions';

/** Registering, discovering and routing actions. */
export const ACTION_OPERATIONS = [
  defineOperation({
    method: 'GET',
    path: '/api/plugins/actions',
    access: 'catalog',
    tag,
    summary: 'Discover actions',
    description:
      'Platform actions and the actions of active plugins. Without `limit`, every match and no `next_cursor`.',
    query: ZDiscoverActionsQuerySchema,
    responses: {
      200: { description: 'The matching actions', schema: ZRestDiscoverActionsResponseSchema },
    },
    handle: async ({ deps, tenantId, query }) => {
      const { actions, next_cursor } = await discoverActions(deps, tenantId, query);
      // Without `limit` the answer keeps the seed's exact shape: `{ actions }`, every match.
      return { body: query.limit === undefined ? { actions } : { actions, next_cursor } };
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/api/plugins/{slug}/register-actions',
    access: 'plugin-self',
    tag,
    summary: "Register a plugin's actions",
    description:
      "Replaces the plugin's whole set atomically after validating every action; a rejected set changes nothing.",
    params: ZSlugParamsSchema,
    body: ZRegisterActionsRequestSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: {
        description: 'The set registered, and what changed',
        schema: ZRegisterActionsResponseSchema,
      },
    },
    handle: async ({ deps, tenantId, principal, params, body }) => ({
      body: await registerActions(deps, tenantId, params.slug, body, credentialLabel(principal)),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/plugins/{slug}/registrations/preview',
    access: 'plugin-self',
    tag,
    summary: 'Preview a registration: what it would change and break, storing nothing',
    description:
      'Takes the body of register-actions and judges it as registering would (the same checks, ' +
      'diff and breaking policy); `would_accept` says whether registering it now would succeed.',
    params: ZSlugParamsSchema,
    body: ZRegisterActionsRequestSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: { description: 'What registering it would do', schema: ZRegistrationPreviewSchema },
    },
    handle: async ({ deps, tenantId, params, body }) => ({
      body: await previewRegistration(deps, tenantId, params.slug, body),
    }),
  }),
  defineOperation({
    method: 'PUT',
    path: '/api/actions/{action_type}/default-provider',
    access: 'admin',
    tag,
    summary: "Choose the plugin that receives an action type's events sent without plugin_id",
    description:
      "By default that is the plugin that registered the type first. The choice holds while the plugin registers the type. A platform action's type is refused: events without plugin_id run the platform's.",
    params: ZActionTypeParamsSchema,
    body: ZSetDefaultProviderBodySchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: { description: 'The default provider now', schema: ZSetDefaultProviderResponseSchema },
    },
    handle: async ({ deps, tenantId, params, body }) => {
      const input = parseInput(ZSetDefaultProviderRequestSchema, { ...params, ...body });
      return { body: await setDefaultProvider(deps, tenantId, input) };
    },
  }),
];
