import { randomUUID } from 'node:crypto';
import { ZDispatchResponseSchema } from '@registry/contracts';
import { PLATFORM_ACTIONS } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import {
  actionDefinition,
  echo,
  insertPlugin,
  pluginServerForFile,
  respondJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const server = await pluginServerForFile({
  '/actions/send-welcome-email': echo,
  '/actions/broken': respondJson(500, { error: 'template missing' }),
});

async function emailPlugin() {
  const slug = uniqueSlug('email-automation');
  return insertPlugin(deps.db, DEFAULT_TENANT_ID, {
    slug,
    apiEndpoint: server.url,
    actions: [
      actionDefinition('send_welcome_email', { required_fields: ['user_id', 'email'] }),
      actionDefinition('broken_action', { endpoint: '/actions/broken' }),
    ],
  });
}

describe('POST /api/plugins/events/automation', () => {
  it('[REST][DISPATCH]: the seed mixed request runs the plugin action and the platform action', async () => {
    const plugin = await emailPlugin();
    const flowId = `plugin_test_${randomUUID()}`;
    const payload = { user_id: 'user_456', email: 'test@example.com', first_name: 'John' };

    const answer = await send('POST', '/api/plugins/events/automation', {
      json: {
        flow_execution_id: flowId,
        events: [
          { action_type: 'send_welcome_email', plugin_id: plugin.id, payload },
          { action_type: 'create_product', payload: { name: 'Mixed Test Product', price: 29.99 } },
        ],
      },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      flow_execution_id: flowId,
      results: [
        {
          index: 0,
          action_type: 'send_welcome_email',
          plugin_id: plugin.id,
          success: true,
          result: { ok: true, received: payload },
          duration_ms: expect.any(Number),
        },
        {
          index: 1,
          action_type: 'create_product',
          success: true,
          result: { name: 'Mixed Test Product', price: 29.99 },
          duration_ms: expect.any(Number),
        },
      ],
      summary: { total: 2, successful: 2, failed: 0 },
    });
    ZDispatchResponseSchema.parse(answer.body);
    const call = server.calls.find((c) => c.headers['x-flow-execution-id'] === flowId);
    expect(call).toMatchObject({ method: 'POST', path: '/actions/send-welcome-email' });
    expect(call?.body).toEqual(payload);
    expect(call?.headers['user-agent']).toBe('BCS-Automation/1.0');
  });

  it('[REST][DISPATCH]: failed events still answer 200, each with its own error', async () => {
    const plugin = await emailPlugin();
    const answer = await send('POST', '/api/plugins/events/automation', {
      json: {
        events: [
          { action_type: 'send_welcome_email', plugin_id: plugin.id, payload: { user_id: 'u' } },
          { action_type: 'broken_action', plugin_id: plugin.id },
          { action_type: 'teleport_customer', payload: {} },
          { action_type: 'update_product', payload: { name: 'No id' } },
          { action_type: 'send_welcome_email', plugin_id: randomUUID(), payload: {} },
        ],
      },
    });

    expect(answer.status).toBe(200);
    const body = ZDispatchResponseSchema.parse(answer.body);
    expect(body.flow_execution_id).toMatch(/^flow_/);
    expect(body.summary).toMatchObject({ total: 5, successful: 0, failed: 5 });
    expect(body.results.map((r) => (r.success ? 'ok' : [r.index, r.error_code]))).toEqual([
      [0, 'MISSING_REQUIRED_FIELDS'],
      [1, 'HTTP_5XX'],
      [2, 'ACTION_NOT_FOUND'],
      [3, 'INVALID_PAYLOAD'],
      [4, 'PLUGIN_NOT_FOUND'],
    ]);
    const errors = body.results.map((r) => (r.success ? '' : r.error));
    expect(errors[0]).toBe('Missing required field: email for action send_welcome_email');
    expect(errors[1]).toContain('Plugin action failed: 500');
    expect(errors[2]).toBe('Unknown action type: teleport_customer');
    expect(errors[3]).toContain('Product ID required for update');
    for (const result of body.results) expect(result).not.toHaveProperty('result');
  });

  it('[REST][DISPATCH]: a malformed batch is a 400 naming the field, and nothing runs', async () => {
    const before = server.calls.length;
    const plugin = await emailPlugin();
    const attempts: [unknown, string[]][] = [
      [{ events: [] }, ['events']],
      [{ flow_execution_id: 'f', events: [{ payload: {} }] }, ['events[0].action_type']],
      [
        { events: [{ action_type: 'send_welcome_email', plugin_id: 'email-automation' }] },
        ['events[0].plugin_id'],
      ],
      [{ events: [{ action_type: 'create_product', payload: [1, 2] }] }, ['events[0].payload']],
      [{ events: 'create_product' }, ['events']],
      [
        {
          events: [
            { action_type: 'send_welcome_email', plugin_id: plugin.id, payload: { user_id: 1 } },
            { action_type: 'x', unknown: true },
          ],
        },
        ['events[1]'],
      ],
    ];
    for (const [json, fields] of attempts) {
      const answer = await send('POST', '/api/plugins/events/automation', { json });
      const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
      expect(error.issues?.map((issue) => issue.field)).toEqual(fields);
    }
    expect(server.calls.length).toBe(before);
  });
});

describe('POST /api/plugins/events/automation with dry_run', () => {
  it('[REST][DRY_RUN]: answers 200 in the sync shape even when async is asked, calls no plugin and creates no product', async () => {
    const plugin = await emailPlugin();
    const before = server.calls.length;
    const products = () => deps.db.product.count({ where: { tenantId: DEFAULT_TENANT_ID } });
    const productsBefore = await products();
    const answer = await send('POST', '/api/plugins/events/automation', {
      json: {
        dry_run: true,
        mode: 'async',
        events: [
          {
            action_type: 'send_welcome_email',
            plugin_id: plugin.id,
            payload: { user_id: 'u1', email: 'dry@example.com' },
          },
          { action_type: 'create_product', payload: { name: 'Dry Product', price: 1 } },
          { action_type: 'send_welcome_email', plugin_id: plugin.id, payload: { user_id: 'u1' } },
        ],
      },
      headers: { prefer: 'respond-async' },
    });

    expect(answer.status).toBe(200);
    const body = ZDispatchResponseSchema.parse(answer.body);
    expect(body.dry_run).toBe(true);
    expect(body.results.map((result) => (result.success ? 'ok' : result.error_code))).toEqual([
      'ok',
      'ok',
      'MISSING_REQUIRED_FIELDS',
    ]);
    expect(body.results[1]).toMatchObject({ result: { name: 'Dry Product', price: 1 } });
    expect(server.calls.length).toBe(before);
    expect(await products()).toBe(productsBefore);
  });

  it('[REST][DRY_RUN]: dry_run must be a boolean: a 400 naming it', async () => {
    const answer = await send('POST', '/api/plugins/events/automation', {
      json: { dry_run: 'yes', events: [{ action_type: 'create_product', payload: {} }] },
    });
    const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
    expect(error.issues?.map((issue) => issue.field)).toEqual(['dry_run']);
  });

  it('[REST][DRY_RUN]: a dry run is listed in history as one, and cannot be redelivered', async () => {
    const flowId = `dry_${randomUUID()}`;
    await send('POST', '/api/plugins/events/automation', {
      json: {
        dry_run: true,
        flow_execution_id: flowId,
        events: [{ action_type: 'update_product', payload: { id: randomUUID(), name: 'Renamed' } }],
      },
    });
    const list = await send('GET', `/api/executions?flow_execution_id=${flowId}`);
    const [execution] = (list.body as { items: Record<string, unknown>[] }).items;
    expect(execution).toMatchObject({ dry_run: true, status: 'failed', error_code: 'NOT_FOUND' });
    const redeliver = await send('POST', `/api/executions/${execution?.id}/redeliver`);
    expect(expectRestError(redeliver, 409, 'CONFLICT').error).toContain('is a dry run');
  });
});

describe('GET /api/plugins/events/automation', () => {
  it('[REST][HEALTH]: lists the 13 platform actions and the plugin actions with counts', async () => {
    const plugin = await emailPlugin();
    const answer = await send('GET', '/api/plugins/events/automation');

    expect(answer.status).toBe(200);
    const body = answer.body as {
      status: string;
      platform_actions: { count: number; actions: string[] };
      plugin_actions: { count: number; actions: { plugin_id: string; action_type: string }[] };
      total_actions: number;
    };
    expect(body.status).toBe('healthy');
    expect(body.platform_actions).toEqual({
      count: 13,
      actions: PLATFORM_ACTIONS.map((action) => action.action_type),
    });
    expect(body.platform_actions.actions).toEqual(
      expect.arrayContaining(['create_product', 'send_sms', 'assign_task', 'add_to_cart']),
    );
    expect(body.plugin_actions.count).toBe(body.plugin_actions.actions.length);
    expect(body.total_actions).toBe(13 + body.plugin_actions.count);
    const ours = body.plugin_actions.actions.filter((action) => action.plugin_id === plugin.id);
    expect(ours).toEqual([
      {
        action_type: 'send_welcome_email',
        title: 'Title of send_welcome_email',
        category: 'email',
        plugin_id: plugin.id,
        plugin_slug: plugin.slug,
        plugin_name: plugin.name,
      },
      expect.objectContaining({ action_type: 'broken_action' }),
    ]);
  });
});
