import { createRegistryClient } from '@registry/client';
import { REGISTRATION_DOCUMENT_PATH, type RegistrationPreview } from '@registry/contracts';
import { readRegistration } from '../registry-diff/read-registration';

/** What the plugin's server would register next, judged by the registry; or why it is unknown. */
export type ServedRegistration =
  | { document: string; preview: RegistrationPreview }
  | { document: string; unknown: string };

/**
 * Reads the registration the plugin's server publishes (plugins built on @registry/plugin-sdk
 * serve it at `<api_endpoint>/.well-known/registry-registration`) and asks the registry what
 * registering it would change and break, registering nothing: a server running new code shows
 * what its next start would do to callers before it is refused for it.
 */
export async function previewServedRegistration(options: {
  registryUrl: string;
  token?: string;
  slug: string;
  apiEndpoint: string;
  timeoutMs: number;
}): Promise<ServedRegistration> {
  const document = `${options.apiEndpoint.replace(/\/+$/, '')}${REGISTRATION_DOCUMENT_PATH}`;
  try {
    const body = await readRegistration(document, options.timeoutMs);
    const client = createRegistryClient({ url: options.registryUrl, token: options.token });
    const input = { ...body, slug: options.slug };
    const preview = await client.plugins.previewRegistration.mutate(
      input as Parameters<typeof client.plugins.previewRegistration.mutate>[0],
    );
    return { document, preview };
  } catch (error) {
    return { document, unknown: error instanceof Error ? error.message : String(error) };
  }
}
