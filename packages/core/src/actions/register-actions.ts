import type { RegisterActionsRequest, RegisterActionsResponse } from '@registry/contracts';
import type { Prisma } from '@registry/db';
import { pluginNotFound } from '../plugins/plugin-queries';
import { readRegisteredActions } from '../plugins/registered-actions';
import type { RegistryDeps } from '../registry-deps';
import { diffActionSets } from './diff-action-sets';

interface LockedPlugin {
  id: string;
  name: string;
  registered_actions: unknown;
}

/**
 * Replaces a plugin's registered actions with a validated set, atomically: concurrent
 * registrations serialise on the plugin's row, and a rejected request never reaches here.
 */
export async function registerActions(
  { db, logger }: Pick<RegistryDeps, 'db' | 'logger'>,
  tenantId: string,
  slug: string,
  request: RegisterActionsRequest,
): Promise<RegisterActionsResponse> {
  const registeredAt = new Date().toISOString();
  const { plugin, changes } = await db.$transaction(async (tx) => {
    const [plugin] = await tx.$queryRaw<LockedPlugin[]>`
      SELECT id, name, registered_actions FROM plugins
      WHERE tenant_id = ${tenantId}::uuid AND slug = ${slug}
      FOR UPDATE`;
    if (!plugin) throw pluginNotFound(slug);
    const previous = readRegisteredActions(plugin.registered_actions).actions;
    const stored = { actions: request.actions, registered_at: registeredAt };
    await tx.plugin.update({
      where: { id: plugin.id },
      data: { registeredActions: stored as unknown as Prisma.InputJsonObject },
    });
    return { plugin, changes: diffActionSets(previous, request.actions) };
  });
  const count = request.actions.length;
  logger.info({ tenantId, plugin: slug, count, changes }, 'registered plugin actions');
  return {
    success: true,
    message: `Registered ${count} action${count === 1 ? '' : 's'} for plugin: ${slug}`,
    plugin: { id: plugin.id, slug, name: plugin.name },
    actions_count: count,
    actions: request.actions,
    changes,
    registered_at: registeredAt,
  };
}
