import {
  ZExecutionListSchema,
  ZExecutionSchema,
  ZListExecutionsParamsSchema,
  ZRecoverPluginEventsRequestSchema,
  ZRecoverPluginEventsResponseSchema,
} from '@registry/contracts';
import type { ZodOpenApiPathsObject } from 'zod-openapi';
import { jsonAnswer, restOperation } from './rest-operation';

/** Reading events' outcomes, and delivering failed ones again. */
export const EXECUTION_PATHS: ZodOpenApiPathsObject = {
  '/api/executions': {
    get: restOperation({
      tag: 'Delivery',
      summary: 'List executions',
      description:
        'Newest first, paged by cursor. Filter by `flow_execution_id` to follow an async batch, or by `status` (`queued`, `running`, `retrying`, `succeeded`, `failed`, `dead`).',
      access: 'admin',
      query: ZListExecutionsParamsSchema,
      responses: { 200: jsonAnswer('A page of executions', ZExecutionListSchema) },
    }),
  },
  '/api/executions/{id}': {
    get: restOperation({
      tag: 'Delivery',
      summary: 'One execution: status, attempts, next attempt, result or error',
      access: 'admin',
      id: true,
      responses: { 200: jsonAnswer('The execution', ZExecutionSchema) },
    }),
  },
  '/api/executions/{id}/redeliver': {
    post: restOperation({
      tag: 'Delivery',
      summary: 'Deliver a failed or dead event again',
      description:
        'From a fresh retry schedule, with the same `webhook-id`, so a plugin that drops repeats sees one effect.',
      access: 'admin',
      id: true,
      errors: ['CONFLICT'],
      responses: {
        200: jsonAnswer(
          'The execution once queued again (a worker may have it already)',
          ZExecutionSchema,
        ),
      },
    }),
  },
  '/api/plugins/{slug}/recover': {
    post: restOperation({
      tag: 'Delivery',
      summary: "Deliver a plugin's dead and failed events again",
      description:
        'Every dead event of the plugin, and every event the plugin failed (a call was made), whose failure came at or after `since`; at most `limit` per call. Events refused before any call are left alone.',
      access: 'admin',
      slug: true,
      body: ZRecoverPluginEventsRequestSchema,
      responses: {
        200: jsonAnswer('How many events were queued again', ZRecoverPluginEventsResponseSchema),
      },
    }),
  },
};
