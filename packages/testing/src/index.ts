import './provided-context';

export { actionDefinition, insertPlugin, newTenantId, type TestPluginInput } from './factories';
export {
  echo,
  type PluginRoute,
  type ReceivedCall,
  respondJson,
  sendJson,
  startPluginServer,
  type TestPluginServer,
} from './plugin-server';
export { createTestDatabase, type TestDatabase, withDatabase } from './test-database';
