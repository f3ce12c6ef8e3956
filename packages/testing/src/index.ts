export { actionHealth, UNCALLED_HEALTH } from './action-health';

import '@registry/db/provided-context';

export {
  createEmptyDatabase,
  createTestDatabase,
  type TestDatabase,
  withDatabase,
} from '@registry/db/test-database';
export { brokenPluginActions, startBrokenPlugin } from './broken-plugin';
export { chaosRoutes } from './chaos-routes';
export { type DatabaseRows, readAllRows, readTenantRows } from './database-rows';
export { actionDefinition, insertPlugin, newTenantId, type TestPluginInput } from './factories';
export { type Canary, freePort, startCanary } from './loopback';
export {
  answerChallenge,
  echo,
  type PluginRoute,
  type ReceivedCall,
  respondJson,
  sendJson,
  startPluginServer,
  type TestPluginServer,
} from './plugin-server';
export { pluginServerForFile, pluginServerForTest } from './scoped-plugin-servers';
export { testEnv } from './test-env';
export { type WebhookLog, webhookLog } from './webhook-log';
export { insertWebhookLogPlugin } from './webhook-log-plugin';
