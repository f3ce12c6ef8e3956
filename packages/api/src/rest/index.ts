import type { RegistryDeps } from '@registry/core';
import {
  defaultProviderRoutes,
  discoverActionsRoutes,
  registerActionsRoutes,
} from './action-routes';
import { automationRoutes } from './automation-routes';
import {
  executionCollectionRoutes,
  executionItemRoutes,
  recoverPluginEventsRoutes,
  redeliverExecutionRoutes,
} from './execution-routes';
import { metricsRoutes } from './metrics-routes';
import { openApiRoutes } from './openapi-routes';
import {
  pluginCollectionRoutes,
  pluginItemRoutes,
  pluginTestRoutes,
  rotatePluginKeyRoutes,
  rotateSecretRoutes,
  verifyEndpointRoutes,
} from './plugin-routes';
import { sessionRoutes } from './session-routes';

export type { RestHandler, RouteParams } from './rest-handler';

/** Every REST route (the seed document's, and those added since), as Fetch API handlers. */
export function createRestRoutes(deps: RegistryDeps) {
  return {
    '/api/plugins': pluginCollectionRoutes(deps),
    '/api/plugins/actions': discoverActionsRoutes(deps),
    '/api/plugins/events/automation': automationRoutes(deps),
    '/api/plugins/[slug]': pluginItemRoutes(deps),
    '/api/plugins/[slug]/register-actions': registerActionsRoutes(deps),
    '/api/plugins/[slug]/test': pluginTestRoutes(deps),
    '/api/plugins/[slug]/rotate-key': rotatePluginKeyRoutes(deps),
    '/api/plugins/[slug]/rotate-secret': rotateSecretRoutes(deps),
    '/api/plugins/[slug]/verify': verifyEndpointRoutes(deps),
    '/api/plugins/[slug]/recover': recoverPluginEventsRoutes(deps),
    '/api/executions': executionCollectionRoutes(deps),
    '/api/executions/[id]': executionItemRoutes(deps),
    '/api/executions/[id]/redeliver': redeliverExecutionRoutes(deps),
    '/api/actions/[action_type]/default-provider': defaultProviderRoutes(deps),
    '/api/session': sessionRoutes(deps),
    '/api/metrics': metricsRoutes(deps),
    '/api/openapi.json': openApiRoutes(deps),
  };
}

export type RestRoutes = ReturnType<typeof createRestRoutes>;
