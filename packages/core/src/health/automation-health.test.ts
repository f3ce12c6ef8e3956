import { actionDefinition, insertPlugin, newTenantId, startPluginServer } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { createRegistryDeps } from '../create-registry-deps';
import { PLATFORM_ACTIONS } from '../platform/platform-catalog';
import { automationHealth } from './automation-health';

const deps = testRegistryDeps();

describe('automationHealth', () => {
  it("[HEALTH]: reports the 13 platform actions and the active plugins' actions", async () => {
    const tenant = newTenantId();
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'email-automation',
      name: 'Email Automation',
      actions: [actionDefinition('send_welcome_email'), actionDefinition('track_event')],
    });
    await insertPlugin(deps.db, tenant, { status: 'inactive', actions: [actionDefinition('off')] });
    await insertPlugin(deps.db, newTenantId(), { actions: [actionDefinition('foreign')] });

    const health = await automationHealth(deps, tenant);

    expect(health.status).toBe('healthy');
    expect(health.platform_actions.count).toBe(13);
    expect(health.platform_actions.actions).toEqual(PLATFORM_ACTIONS.map((a) => a.action_type));
    expect(health.plugin_actions.count).toBe(2);
    expect(health.plugin_actions.actions).toEqual([
      expect.objectContaining({
        action_type: 'send_welcome_email',
        plugin_id: plugin.id,
        plugin_slug: 'email-automation',
        plugin_name: 'Email Automation',
      }),
      expect.objectContaining({ action_type: 'track_event' }),
    ]);
    expect(health.total_actions).toBe(15);
  });

  it('[HEALTH]: without a database it is degraded but still lists the platform actions', async () => {
    const closed = await startPluginServer({});
    await closed.close();
    const port = new URL(closed.url).port;
    const offline = createRegistryDeps({
      DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      LOG_LEVEL: 'silent',
    });
    try {
      const health = await automationHealth(offline, newTenantId());
      expect(health).toMatchObject({
        status: 'degraded',
        platform_actions: { count: 13 },
        plugin_actions: { count: 0, actions: [], error: 'Plugin actions could not be loaded' },
        total_actions: 13,
      });
    } finally {
      await offline.db.$disconnect();
    }
  });
});
