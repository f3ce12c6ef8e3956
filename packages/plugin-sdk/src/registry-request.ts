import {
  type AffectedAction,
  type BreakingChange,
  breakingChangeLines,
  type RestErrorBody,
} from '@registry/contracts';

/**
 * A refusal from the registry: its status, stable `code` and message (which names the field).
 * A registration refused for breaking callers (409) also carries what it would break and how
 * much each action was used, and its message lists them.
 */
export class RegistryRequestError extends Error {
  override readonly name = 'RegistryRequestError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly breakingChanges: readonly BreakingChange[] = [],
    readonly affected: readonly AffectedAction[] = [],
  ) {
    const lines = breakingChangeLines(breakingChanges, affected);
    super([message, ...lines.map((line) => `  ${line}`)].join('\n'));
  }
}

/** Where the registry is and the key the plugin speaks to it with. */
export interface RegistryEndpoint {
  /** The registry's base URL, e.g. `http://localhost:5173`. */
  url: string;
  /** The plugin's API key (`par_plugin_…`), shown when the plugin was created or its key rotated. */
  apiKey: string;
  /** Another `fetch` (a proxy-aware one, say); the global one by default. */
  fetch?: typeof globalThis.fetch;
}

/** POSTs JSON to the registry's REST API with the plugin's key; a refusal throws the above. */
export function restPoster({ url, apiKey, fetch = globalThis.fetch }: RegistryEndpoint) {
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
        answer.breaking_changes,
        answer.affected,
      );
    }
    return answer as T;
  };
}
