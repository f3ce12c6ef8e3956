import {
  ZExecutionListSchema,
  ZExecutionSchema,
  ZListExecutionsParamsSchema,
  ZRecoverPluginEventsRequestSchema,
  ZRecoverPluginEventsResponseSchema,
} from '@registry/contracts';
import {
  getExecution,
  listExecutions,
  recoverPluginEvents,
  redeliverExecution,
} from '@registry/core';
import { defineOperation } from '../rest-operation';
import { ZExecutionParamsSchema, ZSlugParamsSchema } from './path-params';

const tag = 'Delivery';

/** Reading events' outcomes, and delivering failed ones again. */
export const EXECUTION_OPERATIONS = [
  defineOperation({
    method: 'GET',
    path: '/api/executions',
    access: 'admin',
    tag,
    summary: 'List executions',
    description:
      'Newest first, paged by cursor. Filter by `flow_execution_id` to follow an async batch, or by `status` (`queued`, `running`, `retrying`, `succeeded`, `failed`, `dead`).',
    query: ZListExecutionsParamsSchema,
    responses: { 200: { description: 'A page of executions', schema: ZExecutionListSchema } },
    handle: async ({ deps, tenantId, query }) => ({
      body: await listExecutions(deps, tenantId, query),
    }),
  }),
  defineOperation({
    method: 'GET',
    path: '/api/executions/{id}',
    access: 'admin',
    tag,
    summary: 'One execution: status, attempts, next attempt, result or error',
    params: ZExecutionParamsSchema,
    errors: ['NOT_FOUND'],
    responses: { 200: { description: 'The execution', schema: ZExecutionSchema } },
    handle: async ({ deps, tenantId, params }) => ({
      body: await getExecution(deps, tenantId, params.id),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/executions/{id}/redeliver',
    access: 'admin',
    tag,
    summary: 'Deliver a failed or dead event again',
    description:
      'From a fresh retry schedule, with the same `webhook-id`, so a plugin that drops repeats sees one effect.',
    params: ZExecutionParamsSchema,
    errors: ['NOT_FOUND', 'CONFLICT'],
    responses: {
      200: {
        description: 'The execution once queued again (a worker may have it already)',
        schema: ZExecutionSchema,
      },
    },
    handle: async ({ deps, tenantId, params }) => ({
      body: await redeliverExecution(deps, tenantId, params.id),
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/plugins/{slug}/recover',
    access: 'admin',
    tag,
    summary: "Deliver a plugin's dead and failed events again",
    description:
      'Every dead event of the plugin, and every event the plugin failed (a call was made), whose failure came at or after `since`; at most `limit` per call. Events refused before any call are left alone.',
    params: ZSlugParamsSchema,
    body: ZRecoverPluginEventsRequestSchema,
    errors: ['NOT_FOUND'],
    responses: {
      200: {
        description: 'How many events were queued again',
        schema: ZRecoverPluginEventsResponseSchema,
      },
    },
    handle: async ({ deps, tenantId, params, body }) => {
      const recovered = await recoverPluginEvents(
        deps,
        tenantId,
        params.slug,
        new Date(body.since),
      );
      return { body: { success: true, ...recovered } };
    },
  }),
];
