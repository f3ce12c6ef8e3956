import { createRegistryClient } from '@registry/client';
import { actionsInCategory, installedPluginSlugs } from './storefront-automation';

// `pnpm --filter @registry/sibling-example start` against a running registry:
// REGISTRY_URL (default http://localhost:5173) and REGISTRY_TOKEN once tokens are configured.
const registry = createRegistryClient({
  url: process.env.REGISTRY_URL ?? 'http://localhost:5173',
  token: process.env.REGISTRY_TOKEN,
});

console.log('plugins:', (await installedPluginSlugs(registry)).join(', '));
for (const action of await actionsInCategory(registry, 'email')) {
  console.log(`email action: ${action.action_type} (${action.plugin_slug ?? 'platform'})`);
}
