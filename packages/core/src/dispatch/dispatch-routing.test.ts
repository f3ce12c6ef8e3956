import { randomUUID } from 'node:crypto';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  pluginServerForTest,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });

const dispatch = (tenantId: string, body: unknown) => dispatchBody(deps, tenantId, body);

/** A plugin server echoing every action below, and a plugin of `tenantId` pointing at it. */
async function echoPlugin(
  tenantId: string,
  actionTypes: string[],
  extra: { slug?: string; status?: string } = {},
) {
  const routes = Object.fromEntries(
    actionTypes.map((type) => [`/actions/${type.replaceAll('_', '-')}`, echo]),
  );
  const server = await pluginServerForTest(routes);
  const plugin = await insertPlugin(deps.db, tenantId, {
    ...extra,
    apiEndpoint: server.url,
    actions: actionTypes.map((type) =>
      actionDefinition(type, {
        required_fields: type === 'send_welcome_email' ? ['user_id', 'email'] : [],
      }),
    ),
  });
  return { server, plugin };
}

describe('dispatchEvents: required fields', () => {
  it('[DISPATCH][FIELDS]: absent, undefined and null required fields are missing; the plugin is not called', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await echoPlugin(tenant, ['send_welcome_email']);
    const event = (payload: Record<string, unknown>) => ({
      action_type: 'send_welcome_email',
      plugin_id: plugin.id,
      payload,
    });

    const response = await dispatch(tenant, {
      events: [
        event({ user_id: 'u1' }),
        event({ user_id: 'u1', email: undefined }),
        event({ user_id: 'u1', email: null }),
        event({}),
      ],
    });

    expect(server.calls).toHaveLength(0);
    expect(response.results.map((r) => !r.success && [r.error_code, r.error])).toEqual([
      ['MISSING_REQUIRED_FIELDS', 'Missing required field: email for action send_welcome_email'],
      ['MISSING_REQUIRED_FIELDS', 'Missing required field: email for action send_welcome_email'],
      ['MISSING_REQUIRED_FIELDS', 'Missing required field: email for action send_welcome_email'],
      [
        'MISSING_REQUIRED_FIELDS',
        'Missing required fields: user_id, email for action send_welcome_email',
      ],
    ]);
  });

  it('[DISPATCH][FIELDS]: 0, false and "" are values, and the plugin receives them', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await echoPlugin(tenant, ['send_welcome_email']);
    const payloads = [
      { user_id: 0, email: false },
      { user_id: '', email: 0 },
    ];

    const response = await dispatch(tenant, {
      events: payloads.map((payload) => ({
        action_type: 'send_welcome_email',
        plugin_id: plugin.id,
        payload,
      })),
    });

    expect(response.results.map((r) => r.success)).toEqual([true, true]);
    expect(server.calls.map((call) => call.body)).toEqual(expect.arrayContaining(payloads));
  });
});

describe('dispatchEvents: routing by plugin_id', () => {
  it('[DISPATCH][ROUTING]: an unknown plugin_id is PLUGIN_NOT_FOUND', async () => {
    const tenant = newTenantId();
    const pluginId = randomUUID();
    const response = await dispatch(tenant, {
      events: [{ action_type: 'send_welcome_email', plugin_id: pluginId, payload: {} }],
    });
    expect(response.results[0]).toMatchObject({
      success: false,
      error_code: 'PLUGIN_NOT_FOUND',
      error: `Plugin not found: ${pluginId}`,
    });
  });

  it("[DISPATCH][ROUTING]: another tenant's plugin is PLUGIN_NOT_FOUND and receives nothing", async () => {
    const owner = newTenantId();
    const { server, plugin } = await echoPlugin(owner, ['track_event']);
    const response = await dispatch(newTenantId(), {
      events: [{ action_type: 'track_event', plugin_id: plugin.id, payload: {} }],
    });
    expect(response.results[0]).toMatchObject({ success: false, error_code: 'PLUGIN_NOT_FOUND' });
    expect(server.calls).toHaveLength(0);
  });

  it('[DISPATCH][ROUTING]: an inactive plugin is PLUGIN_INACTIVE and receives nothing', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await echoPlugin(tenant, ['track_event'], {
      slug: 'sleepy',
      status: 'inactive',
    });
    const response = await dispatch(tenant, {
      events: [{ action_type: 'track_event', plugin_id: plugin.id, payload: {} }],
    });
    expect(response.results[0]).toMatchObject({
      success: false,
      error_code: 'PLUGIN_INACTIVE',
      error: 'Plugin sleepy is inactive',
      plugin_slug: 'sleepy',
    });
    expect(server.calls).toHaveLength(0);
  });

  it("[DISPATCH][ROUTING]: an action the plugin did not register is ACTION_NOT_FOUND, in the seed's words", async () => {
    const tenant = newTenantId();
    const { server, plugin } = await echoPlugin(tenant, ['track_event']);
    const response = await dispatch(tenant, {
      events: [{ action_type: 'send_welcome_email', plugin_id: plugin.id, payload: {} }],
    });
    expect(response.results[0]).toMatchObject({
      success: false,
      error_code: 'ACTION_NOT_FOUND',
      error: `Plugin action not found: send_welcome_email for plugin ${plugin.id}`,
    });
    expect(server.calls).toHaveLength(0);
  });

  it('[DISPATCH][ROUTING]: a plugin without api_endpoint is PLUGIN_NOT_CONFIGURED', async () => {
    const tenant = newTenantId();
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'unwired',
      actions: [actionDefinition('track_event')],
    });
    const response = await dispatch(tenant, {
      events: [{ action_type: 'track_event', plugin_id: plugin.id, payload: {} }],
    });
    expect(response.results[0]).toMatchObject({
      success: false,
      error_code: 'PLUGIN_NOT_CONFIGURED',
    });
  });
});

describe('dispatchEvents: routing without plugin_id', () => {
  it('[DISPATCH][ROUTING]: an action registered by exactly one active plugin goes to that plugin', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await echoPlugin(tenant, ['send_sms_reminder']);
    const idle = await echoPlugin(tenant, ['send_sms_reminder'], { status: 'inactive' });
    const elsewhere = await echoPlugin(newTenantId(), ['send_sms_reminder']);

    const response = await dispatch(tenant, {
      events: [{ action_type: 'send_sms_reminder', payload: { to: '+15550100' } }],
    });

    expect(response.results[0]).toMatchObject({ success: true, plugin_id: plugin.id });
    expect(server.calls.map((call) => call.body)).toEqual([{ to: '+15550100' }]);
    expect(idle.server.calls).toHaveLength(0);
    expect(elsewhere.server.calls).toHaveLength(0);
  });

  it('[DISPATCH][ROUTING]: an action registered by two active plugins goes to the one that registered it first', async () => {
    const tenant = newTenantId();
    const first = await echoPlugin(tenant, ['notify'], { slug: 'first' });
    const second = await echoPlugin(tenant, ['notify'], { slug: 'second' });

    const response = await dispatch(tenant, { events: [{ action_type: 'notify', payload: {} }] });

    expect(response.results[0]).toMatchObject({ success: true, plugin_id: first.plugin.id });
    expect(first.server.calls).toHaveLength(1);
    expect(second.server.calls).toHaveLength(0);
  });

  it('[DISPATCH][ROUTING]: an action nobody provides is "Unknown action type"', async () => {
    const response = await dispatch(newTenantId(), {
      events: [{ action_type: 'teleport_customer', payload: {} }],
    });
    expect(response.results[0]).toMatchObject({
      success: false,
      error_code: 'ACTION_NOT_FOUND',
      error: 'Unknown action type: teleport_customer',
    });
  });

  it('[DISPATCH][ROUTING]: a platform action name means the platform unless plugin_id picks a plugin', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await echoPlugin(tenant, ['send_email']);
    const email = { to: 'a@example.com', subject: 'Hi', body: 'Hello' };

    const response = await dispatch(tenant, {
      events: [
        { action_type: 'send_email', payload: email },
        { action_type: 'send_email', plugin_id: plugin.id, payload: email },
      ],
    });

    expect(response.results.map((r) => r.success)).toEqual([true, true]);
    expect(response.results[0]).not.toHaveProperty('plugin_id');
    expect(response.results[1]).toMatchObject({ plugin_id: plugin.id });
    expect(server.calls).toHaveLength(1);
    expect(await deps.db.notification.count({ where: { tenantId: tenant } })).toBe(1);
  });
});
