import type { SetDefaultProviderRequest, SetDefaultProviderResponse } from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { findPlatformAction } from '../platform/platform-catalog';
import { findPluginSlug } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { chooseDefaultProvider } from './action-type-providers';

/**
 * An admin's choice of the plugin that receives an action type's events sent without
 * plugin_id, in place of the one that registered it first. It holds while the plugin registers
 * the type; once it stops, the type falls back to the first registration order.
 */
export async function setDefaultProvider(
  { db, sql, logger }: Pick<RegistryDeps, 'db' | 'sql' | 'logger'>,
  tenantId: string,
  { action_type: actionType, plugin_id: pluginId }: SetDefaultProviderRequest,
): Promise<SetDefaultProviderResponse> {
  if (findPlatformAction(actionType)) {
    throw AppError.validation([
      {
        field: 'action_type',
        message: `${actionType} is a platform action: events without plugin_id always run the platform's`,
      },
    ]);
  }
  const slug = await findPluginSlug(db, tenantId, pluginId);
  if (!slug) throw AppError.notFound(`Plugin not found: ${pluginId}`);
  if (!(await chooseDefaultProvider(sql, tenantId, actionType, pluginId))) {
    throw AppError.notFound(`Plugin action not found: ${actionType} for plugin ${pluginId}`);
  }
  logger.info({ tenantId, actionType, plugin: slug }, 'default provider chosen');
  return {
    success: true,
    message: `Default provider of ${actionType}: ${slug}`,
    action_type: actionType,
    plugin_id: pluginId,
    plugin_slug: slug,
  };
}
