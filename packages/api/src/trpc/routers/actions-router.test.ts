import { PLATFORM_CATALOG } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { actionDefinition, insertPlugin, newTenantId, UNCALLED_HEALTH } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();

async function tenantWithPlugins() {
  const tenantId = newTenantId();
  const mailer = await insertPlugin(deps.db, tenantId, {
    slug: 'mailer',
    name: 'Mailer',
    actions: [
      actionDefinition('send_welcome_email', { description: 'Greets new customers' }),
      actionDefinition('send_receipt', { category: 'billing' }),
    ],
  });
  const texter = await insertPlugin(deps.db, tenantId, {
    slug: 'texter',
    actions: [actionDefinition('send_text', { category: 'sms' }), actionDefinition('send_receipt')],
  });
  await insertPlugin(deps.db, tenantId, {
    slug: 'sleeper',
    status: 'inactive',
    actions: [actionDefinition('snooze')],
  });
  return { caller: callerFor(deps, tenantId), mailer, texter };
}

describe('actions router', () => {
  it('[TRPC][ACTIONS]: register replaces the set and reports what changed', async () => {
    const { caller, mailer } = await tenantWithPlugins();
    const response = await caller.actions.register({
      slug: 'mailer',
      actions: [
        actionDefinition('send_welcome_email', { description: 'Greets new customers' }),
        actionDefinition('send_receipt', { title: 'Receipt v2', category: 'billing' }),
        actionDefinition('send_newsletter'),
      ],
    });
    expect(response).toMatchObject({
      success: true,
      message: 'Registered 3 actions for plugin: mailer',
      plugin: { id: mailer.id, slug: 'mailer', name: 'Mailer' },
      actions_count: 3,
      changes: {
        added: ['send_newsletter'],
        removed: [],
        changed: ['send_receipt'],
        unchanged: ['send_welcome_email'],
      },
    });
    const stored = await caller.plugins.get({ slug: 'mailer' });
    expect(stored.registered_actions.actions.map((a) => a.action_type)).toEqual([
      'send_welcome_email',
      'send_receipt',
      'send_newsletter',
    ]);
    expect(stored.registered_at).toBe(response.registered_at);
  });

  it('[TRPC][ACTIONS]: discover lists platform actions, then active plugins by slug', async () => {
    const { caller, mailer } = await tenantWithPlugins();
    const { actions } = await caller.actions.discover();
    // A new tenant has called nothing: each platform action's health says no calls, circuit closed.
    expect(actions.slice(0, 13)).toEqual(
      PLATFORM_CATALOG.map((action) => ({ ...action, health: UNCALLED_HEALTH })),
    );
    expect(actions.slice(13).map((a) => `${a.plugin_slug}:${a.action_type}`)).toEqual([
      'mailer:send_welcome_email',
      'mailer:send_receipt',
      'texter:send_text',
      'texter:send_receipt',
    ]);
    expect(actions[13]).toMatchObject({
      source: 'plugin',
      plugin_id: mailer.id,
      plugin_name: 'Mailer',
      required_fields: [],
      optional_fields: [],
    });
  });

  it('[TRPC][ACTIONS]: discover filters by category, plugin and search text', async () => {
    const { caller } = await tenantWithPlugins();
    const types = async (query: Parameters<typeof caller.actions.discover>[0]) =>
      (await caller.actions.discover(query)).actions.map(
        (a) => `${a.plugin_slug ?? 'platform'}:${a.action_type}`,
      );

    expect(await types({ category: 'email' })).toEqual([
      'mailer:send_welcome_email',
      'texter:send_receipt',
    ]);
    expect(await types({ category: '' })).toHaveLength(17);
    expect(await types({ plugin: 'texter' })).toEqual(['texter:send_text', 'texter:send_receipt']);
    expect(await types({ plugin: 'platform' })).toHaveLength(13);
    expect(await types({ plugin: 'sleeper' })).toEqual([]);
    expect(await types({ plugin: 'texter', category: 'sms' })).toEqual(['texter:send_text']);
    expect(await types({ search: 'GREETS' })).toEqual(['mailer:send_welcome_email']);
    expect(await types({ search: '100%_' })).toEqual([]);
    expect(await types({ category: 'communication' })).toEqual([
      'platform:send_email',
      'platform:send_sms',
      'platform:create_notification',
    ]);
  });

  it('[TRPC][ACTIONS]: get finds a platform action, a plugin action, or says why not', async () => {
    const { caller, mailer, texter } = await tenantWithPlugins();
    expect(await caller.actions.get({ action_type: 'create_product' })).toMatchObject({
      source: 'platform',
      plugin_id: null,
      required_fields: ['name', 'price'],
    });
    expect(await caller.actions.get({ action_type: 'send_text' })).toMatchObject({
      source: 'plugin',
      plugin_id: texter.id,
      plugin_slug: 'texter',
    });
    const chosen = await caller.actions.get({ action_type: 'send_receipt', plugin_id: mailer.id });
    expect(chosen).toMatchObject({ plugin_slug: 'mailer', category: 'billing' });

    // Both register send_receipt; mailer did first, so it is the default provider.
    expect(await caller.actions.get({ action_type: 'send_receipt' })).toMatchObject({
      plugin_slug: 'mailer',
    });
    const unknown = caller.actions.get({ action_type: 'snooze' });
    const notFound = await expectTrpcError(unknown, 'NOT_FOUND', 'NOT_FOUND');
    expect(notFound.error.message).toMatch(/^Plugin sleeper is inactive, and it is the default/);
    const nowhere = caller.actions.get({ action_type: 'teleport' });
    const unknownType = await expectTrpcError(nowhere, 'NOT_FOUND', 'NOT_FOUND');
    expect(unknownType.error.message).toBe('Unknown action type: teleport');
    const elsewhere = caller.actions.get({ action_type: 'send_text', plugin_id: mailer.id });
    await expectTrpcError(elsewhere, 'NOT_FOUND', 'NOT_FOUND');
  });

  it('[TRPC][ACTIONS]: setDefaultProvider picks which provider answers without plugin_id', async () => {
    const { caller, texter } = await tenantWithPlugins();
    const chosen = await caller.actions.setDefaultProvider({
      action_type: 'send_receipt',
      plugin_id: texter.id,
    });
    expect(chosen).toMatchObject({ success: true, plugin_id: texter.id, plugin_slug: 'texter' });
    expect(await caller.actions.get({ action_type: 'send_receipt' })).toMatchObject({
      plugin_slug: 'texter',
      default_provider: true,
    });
    const { actions } = await caller.actions.discover({ search: 'send_receipt' });
    expect(
      actions.map((a) => a.source === 'plugin' && `${a.plugin_slug}:${a.default_provider}`),
    ).toEqual(['mailer:false', 'texter:true']);
    const notProvider = caller.actions.setDefaultProvider({
      action_type: 'send_welcome_email',
      plugin_id: texter.id,
    });
    await expectTrpcError(notProvider, 'NOT_FOUND', 'NOT_FOUND');
  });

  it('[TRPC][ACTIONS]: a bad set is BAD_REQUEST naming actions[i].field and changes nothing', async () => {
    const { caller } = await tenantWithPlugins();
    const invalid = caller.actions.register({
      slug: 'mailer',
      actions: [{ ...actionDefinition('x'), action_type: 'Send Mail' }, actionDefinition('ok')],
    });
    const { error, cause } = await expectTrpcError(invalid, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(error.message).toContain('actions[0].action_type: must contain only lowercase');
    expect(cause.issues?.map((issue) => issue.field)).toEqual(['actions[0].action_type']);

    const duplicate = caller.actions.register({
      slug: 'mailer',
      actions: [actionDefinition('twice'), actionDefinition('twice')],
    });
    const dup = await expectTrpcError(duplicate, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(dup.error.message).toContain(
      'actions[1].action_type: duplicate action_type "twice" (also at actions[0])',
    );
    const untitled = { ...actionDefinition('y'), title: undefined };
    const missing = caller.actions.register({ slug: 'mailer', actions: [untitled as never] });
    const required = await expectTrpcError(missing, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(required.cause.issues).toEqual([{ field: 'actions[0].title', message: 'is required' }]);

    const stored = await caller.plugins.get({ slug: 'mailer' });
    expect(stored.registered_actions.actions.map((a) => a.action_type)).toEqual([
      'send_welcome_email',
      'send_receipt',
    ]);
  });

  it("[TRPC][ACTIONS]: register for an unknown slug, or another tenant's, is NOT_FOUND", async () => {
    const { caller } = await tenantWithPlugins();
    const other = callerFor(deps, newTenantId());
    for (const attempt of [caller, other]) {
      const call = attempt.actions.register({
        slug: attempt === caller ? 'ghost' : 'mailer',
        actions: [actionDefinition('x')],
      });
      const { error } = await expectTrpcError(call, 'NOT_FOUND', 'NOT_FOUND');
      expect(error.message).toMatch(/^Plugin not found: /);
    }
  });
});
