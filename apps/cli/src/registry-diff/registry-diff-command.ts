import { createRegistryClient } from '@registry/client';
import { formatPreview } from './format-preview';
import { readRegistration } from './read-registration';

export interface RegistryDiffOptions {
  url: string;
  slug: string;
  /** A JSON file of the registration body, or a URL serving it. */
  source: string;
  timeoutMs: number;
  json: boolean;
}

/**
 * `pnpm registry diff <slug> <file|url>`: asks the registry what registering the body would do
 * (tRPC `plugins.previewRegistration`, which stores nothing) and prints it. 0: it would be
 * accepted; 1: it would be refused.
 */
export async function runRegistryDiff(options: RegistryDiffOptions): Promise<number> {
  const body = await readRegistration(options.source, options.timeoutMs);
  const client = createRegistryClient({ url: options.url, token: process.env.REGISTRY_TOKEN });
  const preview = await client.plugins.previewRegistration.mutate({
    ...body,
    slug: options.slug,
  } as Parameters<typeof client.plugins.previewRegistration.mutate>[0]);
  console.log(options.json ? JSON.stringify(preview, null, 2) : formatPreview(preview));
  return preview.would_accept ? 0 : 1;
}
