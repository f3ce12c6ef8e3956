import { randomUUID } from 'node:crypto';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { getAction } from './get-action';

const deps = testRegistryDeps();

describe('getAction', () => {
  it('[ACTIONS][GET]: a platform action is found by its type alone', async () => {
    const action = await getAction(deps, newTenantId(), { action_type: 'update_order_status' });
    expect(action).toMatchObject({
      source: 'platform',
      action_type: 'update_order_status',
      category: 'orders',
      required_fields: ['id', 'status'],
      plugin_id: null,
    });
  });

  it('[ACTIONS][GET]: a plugin action is found by plugin_id, or alone when one plugin provides it', async () => {
    const tenant = newTenantId();
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'email-automation',
      actions: [actionDefinition('send_welcome_email', { required_fields: ['email'] })],
    });

    const byId = await getAction(deps, tenant, {
      action_type: 'send_welcome_email',
      plugin_id: plugin.id,
    });
    const alone = await getAction(deps, tenant, { action_type: 'send_welcome_email' });

    expect(byId).toMatchObject({
      source: 'plugin',
      plugin_id: plugin.id,
      plugin_slug: 'email-automation',
      required_fields: ['email'],
      endpoint: '/actions/send-welcome-email',
    });
    expect(alone).toEqual(byId);
  });

  it('[ACTIONS][GET]: of two providers, the one that registered first answers without plugin_id; plugin_id picks the other', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, { slug: 'one', actions: [actionDefinition('notify')] });
    const two = await insertPlugin(deps.db, tenant, {
      slug: 'two',
      actions: [actionDefinition('notify')],
    });

    expect(await getAction(deps, tenant, { action_type: 'notify' })).toMatchObject({
      plugin_slug: 'one',
    });
    expect(
      await getAction(deps, tenant, { action_type: 'notify', plugin_id: two.id }),
    ).toMatchObject({ plugin_slug: 'two' });
  });

  it("[ACTIONS][GET]: unknown, inactive and another tenant's actions are NOT_FOUND", async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, {
      status: 'inactive',
      actions: [actionDefinition('sleepy_action')],
    });
    const foreign = await insertPlugin(deps.db, newTenantId(), {
      actions: [actionDefinition('foreign_action')],
    });
    const pluginId = randomUUID();

    await expect(getAction(deps, tenant, { action_type: 'nothing' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'Unknown action type: nothing',
    });
    await expect(getAction(deps, tenant, { action_type: 'sleepy_action' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/^Plugin plugin-\w+ is inactive, and it is the default/),
    });
    await expect(
      getAction(deps, tenant, { action_type: 'foreign_action', plugin_id: foreign.id }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      getAction(deps, tenant, { action_type: 'create_product', plugin_id: pluginId }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: `Plugin not found: ${pluginId}` });
  });
});
