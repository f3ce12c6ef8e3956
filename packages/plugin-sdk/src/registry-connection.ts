import type {
  RegisterActionsResponse,
  RestErrorBody,
  VerifyEndpointResponse,
} from '@registry/contracts';
import type { Plugin } from './define-plugin';
import { registrationPayload } from './registration-payload';

export interface RegistryOptions {
  /** The registry's base URL, e.g. `http://localhost:5173`. */
  url: string;
  /** The plugin's API key (`par_plugin_…`), shown when the plugin was created or its key rotated. */
  apiKey: string;
  /** Another `fetch` (a proxy-aware one, say); the global one by default. */
  fetch?: typeof globalThis.fetch;
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

/** A refusal from the registry: its status, stable `code` and message (which names the field). */
export class RegistryRequestError extends Error {
  override readonly name = 'RegistryRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
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
    registrationPayload(plugin),
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

function restPoster({ url, apiKey, fetch = globalThis.fetch }: RegistryOptions) {
  const base = url.replace(/\/+$/, '');
  return async <T>(path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => ({}))) as Partial<RestErrorBody>;
    if (!response.ok) {
      throw new RegistryRequestError(
        response.status,
        answer.code ?? 'HTTP_ERROR',
        answer.error ?? `The registry answered ${response.status} to POST ${path}`,
      );
    }
    return answer as T;
  };
}
