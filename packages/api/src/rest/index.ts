import type { RegistryDeps } from '@registry/core';
import { discoverActionsRoutes, registerActionsRoutes } from './action-routes';
import { automationRoutes } from './automation-routes';
import {
  pluginCollectionRoutes,
  pluginItemRoutes,
  pluginTestRoutes,
  rotatePluginKeyRoutes,
} from './plugin-routes';
import { sessionRoutes } from './session-routes';

export type { RestHandler, RouteParams } from './rest-handler';

/** Every REST route (the seed document's, and sign-in for the dashboard), as Fetch API handlers. */
export function createRestRoutes(deps: RegistryDeps) {
  return {
    '/api/plugins': pluginCollectionRoutes(deps),
    '/api/plugins/actions': discoverActionsRoutes(deps),
    '/api/plugins/events/automation': automationRoutes(deps),
    '/api/plugins/[slug]': pluginItemRoutes(deps),
    '/api/plugins/[slug]/register-actions': registerActionsRoutes(deps),
    '/api/plugins/[slug]/test': pluginTestRoutes(deps),
    '/api/plugins/[slug]/rotate-key': rotatePluginKeyRoutes(deps),
    '/api/session': sessionRoutes(deps),
  };
}

export type RestRoutes = ReturnType<typeof createRestRoutes>;
