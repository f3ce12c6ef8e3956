import type { DiscoveredAction } from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { findPlatformAction, PLATFORM_CATALOG } from '../platform/platform-catalog';
import { findRegisteredAction } from '../plugins/registered-actions';
import type { RegistryDeps } from '../registry-deps';

interface PluginRow {
  id: string;
  slug: string;
  name: string;
  registered_actions: unknown;
}

/**
 * One callable action: a plugin's (by `plugin_id`), else the platform's, else the one active
 * plugin registering it — the same rule dispatch follows.
 */
export async function getAction(
  { db }: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  query: { action_type: string; plugin_id?: string },
): Promise<DiscoveredAction> {
  if (!query.plugin_id && findPlatformAction(query.action_type)) {
    const entry = PLATFORM_CATALOG.find((action) => action.action_type === query.action_type);
    if (entry) return entry;
  }
  const containsAction = JSON.stringify({ actions: [{ action_type: query.action_type }] });
  const plugins = await db.$queryRaw<PluginRow[]>`
    SELECT id::text, slug, name, registered_actions FROM plugins
    WHERE tenant_id = ${tenantId}::uuid AND status = 'active'
      AND registered_actions @> ${containsAction}::jsonb
      AND (${query.plugin_id ?? null}::uuid IS NULL OR id = ${query.plugin_id ?? null}::uuid)
    ORDER BY slug`;
  const matches = plugins.flatMap((plugin) => {
    const action = findRegisteredAction(plugin.registered_actions, query.action_type);
    return action ? [{ plugin, action }] : [];
  });
  const [match] = matches;
  if (!match) {
    const where = query.plugin_id ? ` for plugin ${query.plugin_id}` : '';
    throw AppError.notFound(`Action not found: ${query.action_type}${where}`);
  }
  if (matches.length > 1) {
    throw AppError.conflict(
      `Action ${query.action_type} is registered by several plugins (${matches
        .map((m) => m.plugin.slug)
        .join(', ')}); give plugin_id`,
    );
  }
  return {
    ...match.action,
    source: 'plugin',
    plugin_id: match.plugin.id,
    plugin_slug: match.plugin.slug,
    plugin_name: match.plugin.name,
  };
}
