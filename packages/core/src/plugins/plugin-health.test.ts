import { EMPTY_PLUGIN_HEALTH, ZListPluginsQuerySchema } from '@registry/contracts';
import { insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { parseInput } from '../errors/app-error';
import { getPlugin, listPlugins } from './plugin-queries';

const deps = testRegistryDeps();

/** Records finished events of a plugin, each `minutesAgo` old. */
async function recordEvents(
  tenantId: string,
  pluginId: string,
  events: { status: string; minutesAgo: number; error?: string; dryRun?: boolean }[],
) {
  await deps.db.actionExecution.createMany({
    data: events.map(({ status, minutesAgo, error, dryRun }, index) => ({
      tenantId,
      pluginId,
      status,
      error: error ?? null,
      dryRun: dryRun ?? false,
      flowExecutionId: 'health-test',
      eventIndex: index,
      actionType: 'track',
      payload: {},
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      completedAt: status === 'queued' ? null : new Date(Date.now() - minutesAgo * 60_000),
    })),
  });
}

describe('plugin health', () => {
  it('[PLUGINS][HEALTH]: each plugin has its last day’s success rate and its latest failure, in one list', async () => {
    const tenant = newTenantId();
    const failing = await insertPlugin(deps.db, tenant, { slug: 'failing' });
    const healthy = await insertPlugin(deps.db, tenant, { slug: 'healthy' });
    await insertPlugin(deps.db, tenant, { slug: 'idle' });
    await recordEvents(tenant, failing.id, [
      { status: 'succeeded', minutesAgo: 120 },
      { status: 'failed', minutesAgo: 30, error: 'connect ECONNREFUSED' },
      { status: 'dead', minutesAgo: 15, error: 'plugin answered 503' },
      { status: 'failed', minutesAgo: 60 * 30, error: 'older than the window' },
      { status: 'queued', minutesAgo: 1 },
      { status: 'failed', minutesAgo: 2, error: 'a dry run', dryRun: true },
    ]);
    await recordEvents(tenant, healthy.id, [
      { status: 'succeeded', minutesAgo: 5 },
      { status: 'succeeded', minutesAgo: 6 },
    ]);
    await recordEvents(newTenantId(), healthy.id, [{ status: 'failed', minutesAgo: 1 }]);

    const { plugins } = await listPlugins(deps, tenant, parseInput(ZListPluginsQuerySchema, {}));
    const health = Object.fromEntries(plugins.map((plugin) => [plugin.slug, plugin.health]));

    const latest = await deps.db.actionExecution.findFirstOrThrow({
      where: { tenantId: tenant, status: 'dead' },
    });
    expect(health).toEqual({
      failing: {
        window_hours: 24,
        succeeded: 1,
        failed: 2,
        success_rate: 1 / 3,
        last_failure: {
          execution_id: latest.id,
          at: latest.completedAt?.toISOString(),
          error: 'plugin answered 503',
        },
      },
      healthy: { ...EMPTY_PLUGIN_HEALTH, succeeded: 2, success_rate: 1 },
      idle: EMPTY_PLUGIN_HEALTH,
    });
    expect((await getPlugin(deps, tenant, 'failing')).health).toEqual(health.failing);
  });
});
