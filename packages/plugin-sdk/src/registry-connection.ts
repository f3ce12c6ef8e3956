import type { AppRouter } from '@registry/api';
import { createTRPCClient, httpLink } from '@trpc/client';
import type { Plugin } from './define-plugin';
import { registrationPayload } from './registration-payload';

export interface RegistryOptions {
  /** The registry's base URL, e.g. `http://localhost:5173`. */
  url: string;
  /** The plugin's API key (`par_plugin_…`), shown when the plugin was created or its key rotated. */
  apiKey: string;
}

export type RegistryClient = ReturnType<typeof createTRPCClient<AppRouter>>;

export interface Connection {
  registration: Awaited<ReturnType<RegistryClient['actions']['register']['mutate']>>;
}

/** The typed tRPC client, acting as the plugin (its API key may only touch its own slug). */
export function pluginRegistryClient(registry: RegistryOptions): RegistryClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${registry.url.replace(/\/$/, '')}/api/trpc`,
        headers: { authorization: `Bearer ${registry.apiKey}` },
      }),
    ],
  });
}

/** Replaces the plugin's registered set with this server's actions. */
export async function connectToRegistry(
  plugin: Plugin,
  registry: RegistryOptions,
): Promise<Connection> {
  const client = pluginRegistryClient(registry);
  const registration = await client.actions.register.mutate({
    slug: plugin.slug,
    ...registrationPayload(plugin),
  });
  return { registration };
}
