import type {
  RegisterActionsResponse,
  RegistrationPreview,
  VerifyEndpointResponse,
} from '@registry/contracts';
import type { Plugin } from './define-plugin';
import { registrationPayload } from './registration-payload';
import { type RegistryEndpoint, restPoster } from './registry-request';

export interface RegistryOptions extends RegistryEndpoint {
  /**
   * Register even if it breaks callers the registry's breaking policy protects (sent as
   * `allow_breaking`; the revision is marked breaking). Off by default: such a registration is
   * refused with a RegistryRequestError listing what it would break.
   */
  allowBreaking?: boolean;
}

export interface Connection {
  registration: RegisterActionsResponse;
  /** The ownership check of this server's endpoint: `verified` and the plugin's status. */
  verification: VerifyEndpointResponse;
  /**
   * Set when the registry's api_endpoint for the plugin is not where this server listens: its
   * ownership check then went elsewhere, and the plugin stays pending until that is fixed.
   */
  warning?: string;
}

/**
 * Replaces the plugin's registered set with this server's actions, then asks the registry to
 * verify the plugin's endpoint: it POSTs a signed challenge to the api_endpoint it has stored,
 * this server answers it if that is `servedUrl`, and a plugin waiting in `pending_verification`
 * becomes active. Call it once the server listens. Speaks the registry's documented REST API
 * with the plugin's own key, so a plugin needs nothing of the registry's server code.
 */
export async function connectToRegistry(
  plugin: Plugin,
  registry: RegistryOptions,
  servedUrl: string,
): Promise<Connection> {
  const post = restPoster(registry);
  const registration = await post<RegisterActionsResponse>(
    `/api/plugins/${encodeURIComponent(plugin.slug)}/register-actions`,
    registrationBody(plugin, registry),
  );
  const verification = await post<VerifyEndpointResponse>(
    `/api/plugins/${encodeURIComponent(plugin.slug)}/verify`,
  );
  const registered = verification.api_endpoint?.replace(/\/+$/, '');
  if (registered === servedUrl.replace(/\/+$/, '')) return { registration, verification };
  const warning =
    `The registry's api_endpoint for ${plugin.slug} is ${registered ?? 'not set'}, but this ` +
    `server listens at ${servedUrl}: set it (PATCH /api/plugins/${plugin.slug} with ` +
    `{"api_endpoint": "${servedUrl}"}) so the ownership check reaches this server.`;
  return { registration, verification, warning };
}

/**
 * What registering the plugin's actions would do, asked of the registry without registering:
 * `would_accept`, the breaking changes with the use of each action they touch, and the diff
 * from the registered set. Needs no server: call it before `listen`.
 */
export function previewRegistration(
  plugin: Plugin,
  registry: RegistryOptions,
): Promise<RegistrationPreview> {
  return restPoster(registry)<RegistrationPreview>(
    `/api/plugins/${encodeURIComponent(plugin.slug)}/registrations/preview`,
    registrationBody(plugin, registry),
  );
}

function registrationBody(plugin: Plugin, { allowBreaking }: RegistryOptions) {
  return { ...registrationPayload(plugin), ...(allowBreaking ? { allow_breaking: true } : {}) };
}
