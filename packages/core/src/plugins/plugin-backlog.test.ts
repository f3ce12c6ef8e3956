import { EMPTY_PLUGIN_BACKLOG, ZListPluginsQuerySchema } from '@registry/contracts';
import { insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { parseInput } from '../errors/app-error';
import { getPlugin, listPlugins } from './plugin-queries';

const deps = testRegistryDeps();

/** Records events of a plugin as the ledger leaves them, each `minutesAgo` old. */
async function recordEvents(
  tenantId: string,
  pluginId: string,
  events: { status: string; minutesAgo: number }[],
) {
  await deps.db.actionExecution.createMany({
    data: events.map(({ status, minutesAgo }, index) => ({
      tenantId,
      pluginId,
      status,
      flowExecutionId: 'backlog-test',
      eventIndex: index,
      actionType: 'track',
      payload: {},
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
    })),
  });
}

describe('plugin backlog', () => {
  it('[PLUGINS][BACKLOG]: each plugin counts its waiting, running and dead events and says since when one waits', async () => {
    const tenant = newTenantId();
    const busy = await insertPlugin(deps.db, tenant, { slug: 'busy' });
    const dying = await insertPlugin(deps.db, tenant, { slug: 'dying' });
    await insertPlugin(deps.db, tenant, { slug: 'idle' });
    await recordEvents(tenant, busy.id, [
      { status: 'queued', minutesAgo: 5 },
      { status: 'queued', minutesAgo: 1 },
      { status: 'retrying', minutesAgo: 30 },
      { status: 'running', minutesAgo: 90 },
      { status: 'dead', minutesAgo: 600 },
      { status: 'succeeded', minutesAgo: 700 },
      { status: 'failed', minutesAgo: 800 },
    ]);
    await recordEvents(tenant, dying.id, [
      { status: 'dead', minutesAgo: 2 },
      { status: 'dead', minutesAgo: 3 },
    ]);
    // Another tenant's events under the same plugin id never count.
    await recordEvents(newTenantId(), busy.id, [{ status: 'queued', minutesAgo: 999 }]);

    const { plugins } = await listPlugins(deps, tenant, parseInput(ZListPluginsQuerySchema, {}));
    const backlogs = Object.fromEntries(plugins.map((plugin) => [plugin.slug, plugin.backlog]));

    const retryingSince = (
      await deps.db.actionExecution.findFirstOrThrow({
        where: { tenantId: tenant, status: 'retrying' },
      })
    ).createdAt.toISOString();
    expect(backlogs).toEqual({
      busy: { queued: 2, running: 1, retrying: 1, dead: 1, oldest_waiting_at: retryingSince },
      dying: { ...EMPTY_PLUGIN_BACKLOG, dead: 2 },
      idle: EMPTY_PLUGIN_BACKLOG,
    });
    expect((await getPlugin(deps, tenant, 'busy')).backlog).toEqual(backlogs.busy);
  });
});
