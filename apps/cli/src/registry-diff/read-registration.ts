import { readFile } from 'node:fs/promises';
import { REGISTRATION_DOCUMENT_PATH } from '@registry/contracts';

/**
 * The registration body `pnpm registry diff` previews, as JSON: from a file, or from a URL
 * fetched with GET (a plugin built on @registry/plugin-sdk serves its own at
 * `<api_endpoint>/.well-known/registry-registration`). Only its shape (`{"actions": [...]}`) is
 * checked here; the registry judges the rest as registering would, naming each field it refuses.
 */
export async function readRegistration(
  source: string,
  timeoutMs: number,
): Promise<Record<string, unknown>> {
  const isUrl = /^https?:\/\//i.test(source);
  const text = isUrl ? await fetchText(source, timeoutMs) : await readFile(source, 'utf8');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON${isUrl ? hint(source) : ''}`);
  }
  if (!isRegistrationShaped(body)) {
    throw new Error(
      `${source} is not a registration body ({"actions": [...]})${isUrl ? hint(source) : ''}`,
    );
  }
  return body;
}

function isRegistrationShaped(
  body: unknown,
): body is Record<string, unknown> & { actions: unknown[] } {
  return (
    typeof body === 'object' &&
    body !== null &&
    Array.isArray((body as { actions?: unknown }).actions)
  );
}

async function fetchText(url: string, timeoutMs: number): Promise<string> {
  const response = await fetch(url, {
    headers: { accept: 'application/json' },
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}${hint(url)}`);
  return response.text();
}

/** The usual mistake: the plugin's own URL instead of its registration document's. */
function hint(url: string): string {
  if (new URL(url).pathname.endsWith(REGISTRATION_DOCUMENT_PATH)) return '';
  const document = `${url.replace(/\/+$/, '')}${REGISTRATION_DOCUMENT_PATH}`;
  return `; a plugin built on @registry/plugin-sdk serves its registration at ${document}`;
}
