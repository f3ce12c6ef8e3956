import type { Prisma } from '@registry/db';
import { actionDefinition, insertPlugin, newTenantId, UNCALLED_HEALTH } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { actionNames, discoverPage } from '../../test/support/discovery';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { setDefaultProvider } from '../routing/set-default-provider';

const deps = testRegistryDeps();

const discover = async (tenantId: string, query: Record<string, string> = {}) =>
  (await discoverPage(deps, tenantId, query)).actions;
const names = actionNames;

const PLATFORM_TYPES = [
  'create_product',
  'update_product',
  'delete_product',
  'create_customer',
  'update_customer',
  'create_order',
  'update_order_status',
  'add_to_cart',
  'send_email',
  'send_sms',
  'create_notification',
  'create_task',
  'assign_task',
];

/** A tenant with an email plugin, an sms plugin and an inactive plugin. */
async function catalogTenant() {
  const tenantId = newTenantId();
  const email = await insertPlugin(deps.db, tenantId, {
    slug: 'email-automation',
    name: 'Email Automation Plugin',
    actions: [
      actionDefinition('send_welcome_email', {
        title: 'Send Welcome Email',
        description: 'Sends personalized welcome email to new customers',
        required_fields: ['user_id', 'email'],
      }),
      actionDefinition('send_abandoned_cart_email', { title: 'Send Abandoned Cart Email' }),
    ],
  });
  await insertPlugin(deps.db, tenantId, {
    slug: 'sms-notifications',
    actions: [actionDefinition('send_sms_reminder', { category: 'sms', title: 'SMS reminder' })],
  });
  await insertPlugin(deps.db, tenantId, {
    slug: 'dormant',
    status: 'inactive',
    actions: [actionDefinition('send_dormant_email', { title: 'Dormant email' })],
  });
  return { tenantId, email };
}

describe('discoverActions', () => {
  it('[ACTIONS][DISCOVER]: lists platform actions first, marked platform, then active plugins by slug', async () => {
    const { tenantId, email } = await catalogTenant();

    const actions = await discover(tenantId);

    expect(names(actions)).toEqual([
      ...PLATFORM_TYPES.map((type) => `platform:${type}`),
      'email-automation:send_welcome_email',
      'email-automation:send_abandoned_cart_email',
      'sms-notifications:send_sms_reminder',
    ]);
    for (const action of actions.slice(0, PLATFORM_TYPES.length)) {
      expect(action).toMatchObject({ source: 'platform', plugin_id: null, plugin_name: null });
    }
    expect(actions.find((a) => a.action_type === 'create_product')).toMatchObject({
      category: 'products',
      required_fields: ['name', 'price'],
    });
    expect(actions[PLATFORM_TYPES.length]).toEqual({
      source: 'plugin',
      action_type: 'send_welcome_email',
      title: 'Send Welcome Email',
      description: 'Sends personalized welcome email to new customers',
      category: 'email',
      required_fields: ['user_id', 'email'],
      optional_fields: [],
      endpoint: '/actions/send-welcome-email',
      plugin_id: email.id,
      plugin_slug: 'email-automation',
      plugin_name: 'Email Automation Plugin',
      default_provider: true,
      health: UNCALLED_HEALTH,
    });
  });

  it('[ACTIONS][DISCOVER]: each plugin action says whether events of its type sent without plugin_id go to its plugin', async () => {
    const tenantId = newTenantId();
    const first = await insertPlugin(deps.db, tenantId, {
      slug: 'first',
      actions: [actionDefinition('send_receipt'), actionDefinition('send_email')],
    });
    const second = await insertPlugin(deps.db, tenantId, {
      slug: 'second',
      actions: [actionDefinition('send_receipt')],
    });
    const flags = async () =>
      (await discover(tenantId)).map((action) =>
        action.source === 'plugin'
          ? `${action.plugin_slug}:${action.action_type}:${action.default_provider}`
          : `platform:${action.action_type}:${'default_provider' in action}`,
      );

    const both = await flags();
    await deps.db.plugin.update({ where: { id: first.id }, data: { status: 'inactive' } });
    const firstInactive = await flags();
    await setDefaultProvider(deps, tenantId, { action_type: 'send_receipt', plugin_id: second.id });
    const secondChosen = await flags();

    // send_email is the platform's: events without plugin_id never go to a plugin.
    expect(both.slice(PLATFORM_TYPES.length)).toEqual([
      'first:send_receipt:true',
      'first:send_email:false',
      'second:send_receipt:false',
    ]);
    expect(both.slice(0, PLATFORM_TYPES.length)).toEqual(
      PLATFORM_TYPES.map((type) => `platform:${type}:false`),
    );
    // The inactive first provider is still the default: the listed one is not.
    expect(firstInactive.slice(PLATFORM_TYPES.length)).toEqual(['second:send_receipt:false']);
    expect(secondChosen.slice(PLATFORM_TYPES.length)).toEqual(['second:send_receipt:true']);
  });

  it("[ACTIONS][DISCOVER]: another tenant's plugins are not listed", async () => {
    await catalogTenant();
    expect(names(await discover(newTenantId()))).toEqual(
      PLATFORM_TYPES.map((t) => `platform:${t}`),
    );
  });

  it('[ACTIONS][DISCOVER]: filters by category, plugin slug and plugin=platform', async () => {
    const { tenantId } = await catalogTenant();

    expect(names(await discover(tenantId, { category: 'email' }))).toEqual([
      'email-automation:send_welcome_email',
      'email-automation:send_abandoned_cart_email',
    ]);
    expect(names(await discover(tenantId, { category: 'communication' }))).toEqual([
      'platform:send_email',
      'platform:send_sms',
      'platform:create_notification',
    ]);
    expect(names(await discover(tenantId, { plugin: 'sms-notifications' }))).toEqual([
      'sms-notifications:send_sms_reminder',
    ]);
    expect(names(await discover(tenantId, { plugin: 'dormant' }))).toEqual([]);
    expect(names(await discover(tenantId, { plugin: 'platform' }))).toEqual(
      PLATFORM_TYPES.map((t) => `platform:${t}`),
    );
    expect(names(await discover(tenantId, { plugin: 'platform', category: 'tasks' }))).toEqual([
      'platform:create_task',
      'platform:assign_task',
    ]);
  });

  it('[ACTIONS][DISCOVER]: search is case-insensitive over action_type, title and description', async () => {
    const { tenantId } = await catalogTenant();

    expect(names(await discover(tenantId, { search: 'WELCOME' }))).toEqual([
      'email-automation:send_welcome_email',
    ]);
    expect(names(await discover(tenantId, { search: 'Personalized' }))).toEqual([
      'email-automation:send_welcome_email',
    ]);
    expect(names(await discover(tenantId, { search: 'cart' }))).toEqual([
      'platform:add_to_cart',
      'email-automation:send_abandoned_cart_email',
    ]);
    expect(names(await discover(tenantId, { search: 'SMS', plugin: 'sms-notifications' }))).toEqual(
      ['sms-notifications:send_sms_reminder'],
    );
  });

  it('[ACTIONS][DISCOVER]: % and _ in a search are literal characters', async () => {
    const tenantId = newTenantId();
    await insertPlugin(deps.db, tenantId, {
      slug: 'promo',
      actions: [
        actionDefinition('pct_off', { title: 'Save 100% today' }),
        actionDefinition('pct_big', { title: 'Save 1000 today' }),
        actionDefinition('q_r', { title: 'Underscore' }),
        actionDefinition('qxr', { title: 'No underscore' }),
      ],
    });

    expect(names(await discover(tenantId, { search: '100%' }))).toEqual(['promo:pct_off']);
    expect(names(await discover(tenantId, { search: 'q_r' }))).toEqual(['promo:q_r']);
    expect(names(await discover(tenantId, { search: '%' }))).toEqual(['promo:pct_off']);
  });

  it('[ACTIONS][DISCOVER]: plugins are ordered by slug, and their actions by registration order', async () => {
    const tenantId = newTenantId();
    await insertPlugin(deps.db, tenantId, {
      slug: 'zeta',
      actions: [actionDefinition('z_first'), actionDefinition('a_second')],
    });
    await insertPlugin(deps.db, tenantId, {
      slug: 'alpha',
      actions: [actionDefinition('y_first'), actionDefinition('b_second')],
    });

    const expected = ['alpha:y_first', 'alpha:b_second', 'zeta:z_first', 'zeta:a_second'];
    expect(names(await discover(tenantId, { plugin: 'alpha' }))).toEqual(expected.slice(0, 2));
    for (let run = 0; run < 3; run++) {
      expect(names(await discover(tenantId)).slice(PLATFORM_TYPES.length)).toEqual(expected);
    }
  });

  it('[ACTIONS][DISCOVER]: legacy rows with {} or invalid entries leave only the valid actions', async () => {
    const tenantId = newTenantId();
    await insertPlugin(deps.db, tenantId, { slug: 'empty' });
    const legacy = (slug: string, registeredActions: unknown) =>
      deps.db.plugin.create({
        data: {
          tenantId,
          slug,
          name: slug,
          registeredActions: registeredActions as Prisma.InputJsonValue,
        },
      });
    await legacy('not-a-list', { actions: 'send_email' });
    await legacy('mixed', {
      actions: [
        { action_type: 'no_endpoint', title: 'Seed-era action', required_fields: [] },
        'garbage',
        null,
        {
          action_type: 'seed_style',
          title: 'Seed style, no category',
          required_fields: ['user_id'],
          endpoint: '/actions/seed-style',
        },
        { ...actionDefinition('Bad Type'), title: 'Uppercase type' },
      ],
    });

    const actions = await discover(tenantId);

    expect(names(actions).slice(PLATFORM_TYPES.length)).toEqual(['mixed:seed_style']);
    expect(actions.at(-1)).toMatchObject({ category: 'general', optional_fields: [] });
    expect(names(await discover(tenantId, { category: 'general' }))).toEqual(['mixed:seed_style']);
    expect(names(await discover(tenantId, { search: 'seed' }))).toEqual(['mixed:seed_style']);
  });
});
