import { PLUGIN_KEY_PREFIX } from '@registry/contracts';
import type { Db } from '@registry/db';
import { pluginNotFound } from '../errors/plugin-not-found';
import { generateSecret, hashSecret } from './secrets';

/** A new API key for a plugin, replacing the old one at once; returned this once. */
export async function rotatePluginKey(
  { db }: { db: Db },
  tenantId: string,
  slug: string,
): Promise<{ plugin_slug: string; api_key: string }> {
  const apiKey = generateSecret(PLUGIN_KEY_PREFIX);
  const { count } = await db.plugin.updateMany({
    where: { tenantId, slug },
    data: { apiKey: hashSecret(apiKey) },
  });
  if (count === 0) throw pluginNotFound(slug);
  return { plugin_slug: slug, api_key: apiKey };
}
