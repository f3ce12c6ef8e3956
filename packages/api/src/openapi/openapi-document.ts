import {
  ZActionDefinitionFieldsSchema,
  ZCreatedPluginSchema,
  ZDiscoveredActionSchema,
  ZEventResultSchema,
  ZPluginSchema,
  ZRestErrorBodySchema,
} from '@registry/contracts';
import { createDocument } from 'zod-openapi';
import type { RestOperation } from '../rest/rest-operation';
import { operationPaths } from './operation-paths';

export type OpenApiDocument = ReturnType<typeof createDocument>;

let document: OpenApiDocument | undefined;

/**
 * The OpenAPI 3.1 document of the REST operations, generated from the zod schemas the handlers
 * parse with (zod-openapi renders request schemas as their input and answers as their output).
 * Built once: it depends on nothing but code.
 */
export function openApiDocument(operations: readonly RestOperation[]): OpenApiDocument {
  document ??= createDocument({
    openapi: '3.1.0',
    info: {
      title: 'Plugin Action Registry',
      version: '1.0.0',
      description:
        'Plugins register the actions they perform; automations discover them and dispatch events to them. Errors answer `{ success: false, error, code, issues? }`. A typed tRPC API for sibling apps is served at `/api/trpc` (see `@registry/client`).',
    },
    security: [{ bearerAuth: [] }],
    tags: [
      { name: 'Actions', description: 'Register and discover actions' },
      { name: 'Automation', description: 'Dispatch events, and the dispatcher’s health' },
      { name: 'Plugins', description: 'Plugins, their keys and signing secrets' },
      { name: 'Delivery', description: 'Events’ outcomes, and delivering failed ones again' },
      { name: 'Operations', description: 'Metrics for monitoring' },
      { name: 'Session', description: 'The dashboard’s sign-in' },
      { name: 'Documentation', description: 'This document' },
    ],
    paths: operationPaths(operations),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An admin token (`par_admin_…`, from `pnpm registry token create`) or a plugin key (`par_plugin_…`). While no admin token exists, a registry listening on loopback answers local requests without one.',
        },
      },
      schemas: {
        ActionDefinition: ZActionDefinitionFieldsSchema,
        CreatedPlugin: ZCreatedPluginSchema,
        DiscoveredAction: ZDiscoveredActionSchema,
        EventResult: ZEventResultSchema,
        Plugin: ZPluginSchema,
        RestError: ZRestErrorBodySchema,
      },
    },
  });
  return document;
}
