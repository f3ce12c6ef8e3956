import type { RegistryClient, RouterInputs, RouterOutputs } from '@registry/client';

export type DiscoveredAction = RouterOutputs['actions']['discover']['actions'][number];
export type NewPlugin = RouterInputs['plugins']['create'];

/** What a storefront needs from the registry, through the typed client only. */

/** The actions the storefront can automate in one category, platform and plugin alike. */
export async function actionsInCategory(
  registry: RegistryClient,
  category: string,
): Promise<DiscoveredAction[]> {
  const { actions } = await registry.actions.discover.query({ category });
  return actions;
}

/** The slugs of the plugins installed for this tenant. */
export async function installedPluginSlugs(registry: RegistryClient): Promise<string[]> {
  const { plugins } = await registry.plugins.list.query({});
  return plugins.map((plugin) => plugin.slug);
}

/** Installs a plugin; its API key and signing secret come back this once. */
export function installPlugin(registry: RegistryClient, plugin: NewPlugin) {
  return registry.plugins.create.mutate(plugin);
}

/**
 * A sign-up on the storefront becomes the platform's `create_customer` action. The flow id is
 * derived from the email, so a retried sign-up replays instead of running twice.
 */
export async function signUpCustomer(
  registry: RegistryClient,
  customer: { email: string; first_name?: string; last_name?: string },
) {
  const { results, summary } = await registry.automation.dispatch.mutate({
    flow_execution_id: `storefront-signup:${customer.email}`,
    events: [{ action_type: 'create_customer', payload: customer }],
  });
  return { result: results[0], summary };
}
