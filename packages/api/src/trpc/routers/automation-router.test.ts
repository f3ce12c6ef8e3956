import { PLATFORM_ACTIONS } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  pluginServerForFile,
  respondJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();
const server = await pluginServerForFile({
  '/mail/actions/welcome': echo,
  '/mail/actions/fail': respondJson(502, { error: 'upstream mail provider down' }),
});

async function tenantWithMailer() {
  const tenantId = newTenantId();
  const mailer = await insertPlugin(deps.db, tenantId, {
    slug: 'mailer',
    apiEndpoint: `${server.url}/mail/`,
    actions: [
      actionDefinition('send_welcome_email', {
        required_fields: ['email'],
        endpoint: '/actions/welcome',
      }),
      actionDefinition('send_failing_email', { endpoint: '/actions/fail' }),
    ],
  });
  return { tenantId, mailer, caller: callerFor(deps, tenantId) };
}

describe('automation router', () => {
  it('[TRPC][DRY_RUN]: dispatch with dry_run answers what would happen and records only dry runs', async () => {
    const { tenantId, mailer, caller } = await tenantWithMailer();
    const calls = server.calls.length;

    const response = await caller.automation.dispatch({
      dry_run: true,
      events: [
        { action_type: 'send_welcome_email', plugin_id: mailer.id, payload: { email: 'a@b.co' } },
        { action_type: 'create_task', payload: { title: 'Call Jane' } },
      ],
    });

    expect(response.dry_run).toBe(true);
    expect(response.results).toMatchObject([
      { success: true, dry_run: true, attempts: 0, request: { body: { email: 'a@b.co' } } },
      { success: true, dry_run: true, result: { title: 'Call Jane' } },
    ]);
    expect(server.calls.length).toBe(calls);
    expect(await deps.db.task.count({ where: { tenantId } })).toBe(0);
    const { items } = await caller.executions.list({});
    expect(items.map((execution) => execution.dry_run)).toEqual([true, true]);
  });

  it('[TRPC][AUTOMATION]: dispatch calls the plugin over HTTP and runs the platform action', async () => {
    const { tenantId, mailer, caller } = await tenantWithMailer();
    const payload = { email: 'jane@example.com', first_name: 'Jane' };

    const response = await caller.automation.dispatch({
      flow_execution_id: 'flow_trpc_1',
      events: [
        { action_type: 'send_welcome_email', plugin_id: mailer.id, payload },
        { action_type: 'create_task', payload: { title: 'Call Jane', priority: 'high' } },
        { action_type: 'send_welcome_email', payload: { email: 'no-id@example.com' } },
      ],
    });

    expect(response.flow_execution_id).toBe('flow_trpc_1');
    expect(response.summary).toMatchObject({ total: 3, successful: 3, failed: 0 });
    expect(response.results).toMatchObject([
      {
        index: 0,
        success: true,
        plugin_id: mailer.id,
        plugin_slug: 'mailer',
        result: { ok: true, received: payload },
      },
      { index: 1, success: true, action_type: 'create_task', result: { title: 'Call Jane' } },
      { index: 2, success: true, plugin_id: mailer.id },
    ]);
    expect(response.results[1]).not.toHaveProperty('plugin_id');
    const calls = server.calls.filter((c) => c.headers['x-flow-execution-id'] === 'flow_trpc_1');
    expect(calls.map((c) => [c.method, c.path, c.headers['x-action-type']])).toEqual([
      ['POST', '/mail/actions/welcome', 'send_welcome_email'],
      ['POST', '/mail/actions/welcome', 'send_welcome_email'],
    ]);
    const tasks = await deps.db.task.findMany({ where: { tenantId } });
    expect(tasks.map((task) => [task.title, task.priority])).toEqual([['Call Jane', 'high']]);
  });

  it('[TRPC][AUTOMATION]: each failing event fails alone, with a reason and a code', async () => {
    const { mailer, caller } = await tenantWithMailer();
    const response = await caller.automation.dispatch({
      events: [
        { action_type: 'send_failing_email', plugin_id: mailer.id },
        { action_type: 'send_welcome_email', plugin_id: mailer.id, payload: { email: null } },
        { action_type: 'create_product', payload: { name: 'Mug', price: -1 } },
        { action_type: 'send_welcome_email', plugin_id: mailer.id, payload: { email: 'a@b.c' } },
      ],
    });
    expect(response.flow_execution_id).toMatch(/^flow_/);
    expect(response.summary).toMatchObject({ total: 4, successful: 1, failed: 3 });
    expect(response.results).toMatchObject([
      { success: false, error_code: 'HTTP_5XX', http_status: 502 },
      {
        success: false,
        error_code: 'MISSING_REQUIRED_FIELDS',
        error: 'Missing required field: email for action send_welcome_email',
      },
      {
        success: false,
        error_code: 'INVALID_PAYLOAD',
        error:
          'Invalid payload for create_product: payload.price: must not be negative (received number -1)',
      },
      { success: true },
    ]);
  });

  it('[TRPC][AUTOMATION]: dispatch input errors are BAD_REQUEST naming events[i].field', async () => {
    const { caller } = await tenantWithMailer();
    const cases: [unknown, string][] = [
      [{ events: [] }, 'events'],
      [{ events: [{ action_type: 'x', plugin_id: 'not-a-uuid' }] }, 'events[0].plugin_id'],
      [{ events: [{ action_type: 'ok' }, { action_type: 'Bad Type' }] }, 'events[1].action_type'],
      [{ flow_execution_id: 'a\nb', events: [{ action_type: 'ok' }] }, 'flow_execution_id'],
    ];
    for (const [input, field] of cases) {
      const call = caller.automation.dispatch(input as never);
      const { error, cause } = await expectTrpcError(call, 'BAD_REQUEST', 'VALIDATION_ERROR');
      expect(cause.issues?.map((issue) => issue.field)).toEqual([field]);
      expect(error.message).toContain(`${field}: `);
    }
  });

  it('[TRPC][AUTOMATION]: health lists the 13 platform actions and active plugin actions', async () => {
    const { tenantId, mailer, caller } = await tenantWithMailer();
    await insertPlugin(deps.db, tenantId, {
      slug: 'sleeper',
      status: 'inactive',
      actions: [actionDefinition('snooze')],
    });

    const health = await caller.automation.health();

    expect(health).toEqual({
      status: 'healthy',
      platform_actions: { count: 13, actions: PLATFORM_ACTIONS.map((a) => a.action_type) },
      plugin_actions: {
        count: 2,
        actions: [
          {
            action_type: 'send_welcome_email',
            title: 'Title of send_welcome_email',
            category: 'email',
            plugin_id: mailer.id,
            plugin_slug: 'mailer',
            plugin_name: 'Plugin mailer',
          },
          expect.objectContaining({ action_type: 'send_failing_email', plugin_id: mailer.id }),
        ],
      },
      total_actions: 15,
      plugin_circuits: [],
    });
    const empty = await callerFor(deps, newTenantId()).automation.health();
    expect(empty).toMatchObject({ plugin_actions: { count: 0, actions: [] }, total_actions: 13 });
  });
});
