import { z } from 'zod';
import { defineOperation } from '../rest-operation';

/** Operating the registry: its Prometheus metrics. */
export const metricsOperation = defineOperation({
  method: 'GET',
  path: '/api/metrics',
  access: 'admin',
  tag: 'Operations',
  summary: 'Prometheus metrics',
  description:
    'Dispatched events, plugin attempts, retries and circuit states, for every tenant this process serves.',
  responses: {
    200: {
      description: 'Prometheus text format',
      content: { type: 'text/plain', schema: { type: 'string' } },
    },
  },
  handle: async ({ deps }) => {
    const { registry } = deps.metrics;
    return new Response(await registry.metrics(), {
      headers: { 'content-type': registry.contentType, 'cache-control': 'no-store' },
    });
  },
});

/** This API's own description, built from the operations it describes (`document`). */
export const openApiOperation = (document: () => object) =>
  defineOperation({
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    tag: 'Documentation',
    summary: 'This OpenAPI document',
    description: 'Public: it describes the API and reveals no data.',
    responses: { 200: { description: 'OpenAPI 3.1', schema: z.record(z.string(), z.unknown()) } },
    handle: async () => ({ body: document() }),
  });
