import { createRegistryClient, type RegistryClient, type RouterOutputs } from '@registry/client';
import type { Plugin } from './define-plugin';
import { registrationPayload } from './registration-payload';

export interface RegistryOptions {
  /** The registry's base URL, e.g. `http://localhost:5173`. */
  url: string;
  /** The plugin's API key (`par_plugin_…`), shown when the plugin was created or its key rotated. */
  apiKey: string;
}

export interface Connection {
  registration: RouterOutputs['actions']['register'];
  /** The ownership check of this server's endpoint: `verified` and the plugin's status. */
  verification: RouterOutputs['plugins']['verify'];
  /**
   * Set when the registry's api_endpoint for the plugin is not where this server listens: its
   * ownership check then went elsewhere, and the plugin stays pending until that is fixed.
   */
  warning?: string;
}

/** The typed registry client, acting as the plugin (its key may only touch its own slug). */
export function pluginRegistryClient(registry: RegistryOptions): RegistryClient {
  return createRegistryClient({ url: registry.url, token: registry.apiKey });
}

/**
 * Replaces the plugin's registered set with this server's actions, then asks the registry to
 * verify the plugin's endpoint: it POSTs a signed challenge to the api_endpoint it has stored,
 * this server answers it if that is `servedUrl`, and a plugin waiting in `pending_verification`
 * becomes active. Call it once the server listens.
 */
export async function connectToRegistry(
  plugin: Plugin,
  registry: RegistryOptions,
  servedUrl: string,
): Promise<Connection> {
  const client = pluginRegistryClient(registry);
  const registration = await client.actions.register.mutate({
    slug: plugin.slug,
    ...registrationPayload(plugin),
  });
  const verification = await client.plugins.verify.mutate({ slug: plugin.slug });
  const registered = verification.api_endpoint?.replace(/\/+$/, '');
  if (registered === servedUrl.replace(/\/+$/, '')) return { registration, verification };
  const warning =
    `The registry's api_endpoint for ${plugin.slug} is ${registered ?? 'not set'}, but this ` +
    `server listens at ${servedUrl}: set it (PATCH /api/plugins/${plugin.slug} with ` +
    `{"api_endpoint": "${servedUrl}"}) so the ownership check reaches this server.`;
  return { registration, verification, warning };
}
