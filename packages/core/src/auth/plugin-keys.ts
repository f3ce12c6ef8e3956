import { PLUGIN_KEY_PREFIX } from '@registry/contracts';
import type { Db } from '@registry/db';
import { pluginNotFound } from '../errors/plugin-not-found';
import { setPluginKeyHash } from '../plugins/store';
import { generateSecret, hashSecret } from './secrets';

/** A new API key for a plugin, replacing the old one at once; returned this once. */
export async function rotatePluginKey(
  { db }: { db: Db },
  tenantId: string,
  slug: string,
): Promise<{ plugin_slug: string; api_key: string }> {
  const apiKey = generateSecret(PLUGIN_KEY_PREFIX);
  if (!(await setPluginKeyHash(db, tenantId, slug, hashSecret(apiKey)))) {
    throw pluginNotFound(slug);
  }
  return { plugin_slug: slug, api_key: apiKey };
}
