import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  pluginServerForTest,
  respondJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });

const dispatch = (tenantId: string, body: unknown) => dispatchBody(deps, tenantId, body);

const executionsOf = (tenantId: string) =>
  deps.db.actionExecution.findMany({ where: { tenantId }, orderBy: { eventIndex: 'asc' } });

describe('dispatchEvents: the execution log', () => {
  it('[DISPATCH][RECORD]: records every event with its outcome, code, duration and completion time', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({
      '/actions/ok': respondJson(200, { done: 1 }),
      '/actions/broken': respondJson(500, { error: 'database down' }),
    });
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'recorder',
      apiEndpoint: server.url,
      actions: [actionDefinition('ok'), actionDefinition('broken')],
    });

    const response = await dispatch(tenant, {
      flow_execution_id: 'flow_record',
      events: [
        { action_type: 'ok', plugin_id: plugin.id, payload: { a: 1 } },
        { action_type: 'broken', plugin_id: plugin.id, payload: { b: 2 } },
        { action_type: 'create_task', payload: { title: 'Call back' } },
        { action_type: 'nothing_here', payload: { c: 3 } },
      ],
    });

    const rows = await executionsOf(tenant);
    expect(rows.map((row) => row.id)).toEqual(response.results.map((r) => r.execution_id));
    expect(
      rows.map((row) => ({
        flow: row.flowExecutionId,
        index: row.eventIndex,
        type: row.actionType,
        status: row.status,
        payload: row.payload,
        code: row.errorCode,
        pluginId: row.pluginId,
        pluginSlug: row.pluginSlug,
      })),
    ).toEqual([
      {
        flow: 'flow_record',
        index: 0,
        type: 'ok',
        status: 'succeeded',
        payload: { a: 1 },
        code: null,
        pluginId: plugin.id,
        pluginSlug: 'recorder',
      },
      {
        flow: 'flow_record',
        index: 1,
        type: 'broken',
        status: 'dead',
        payload: { b: 2 },
        code: 'HTTP_5XX',
        pluginId: plugin.id,
        pluginSlug: 'recorder',
      },
      {
        flow: 'flow_record',
        index: 2,
        type: 'create_task',
        status: 'succeeded',
        payload: { title: 'Call back' },
        code: null,
        pluginId: null,
        pluginSlug: null,
      },
      {
        flow: 'flow_record',
        index: 3,
        type: 'nothing_here',
        status: 'failed',
        payload: { c: 3 },
        code: 'ACTION_NOT_FOUND',
        pluginId: null,
        pluginSlug: null,
      },
    ]);
    const [ok, broken, task, unknown] = rows;
    expect(ok?.result).toEqual({ done: 1 });
    expect(ok?.error).toBeNull();
    expect(broken?.result).toBeNull();
    expect(broken?.error).toBe('Plugin action failed: 500 - {"error":"database down"}');
    expect(task?.result).toMatchObject({ title: 'Call back', status: 'open' });
    expect(unknown?.error).toBe('Unknown action type: nothing_here');
    for (const row of rows) {
      expect(row.durationMs).toEqual(expect.any(Number));
      expect(row.durationMs).toBeGreaterThanOrEqual(0);
      expect(row.completedAt).toBeInstanceOf(Date);
      expect(row.completedAt?.getTime()).toBeGreaterThanOrEqual(row.createdAt.getTime());
    }
  });

  it('[DISPATCH][RECORD]: a payload string containing \\u0000 reaches the plugin intact and is recorded', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/store-note': echo });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('store_note', { required_fields: ['note'] })],
    });
    const payload = { note: 'before\u0000after', 'key\u0000': ['x\u0000'] };

    const response = await dispatch(tenant, {
      events: [{ action_type: 'store_note', plugin_id: plugin.id, payload }],
    });

    expect(response.results[0]).toMatchObject({ success: true });
    expect(server.calls[0]?.body).toEqual(payload);
    const [row] = await executionsOf(tenant);
    expect(row?.status).toBe('succeeded');
    // PostgreSQL cannot store U+0000; the recorded copy shows U+FFFD in its place.
    expect(row?.payload).toEqual({ note: 'before\uFFFDafter', 'key\uFFFD': ['x\uFFFD'] });
    expect(row?.result).toEqual({ ok: true, received: row?.payload });
  });

  it('[DISPATCH][RECORD]: a lone surrogate in a payload or an answer is recorded and fails no batch', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/store-note': echo });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('store_note')],
    });
    const payload = { note: 'half \ud800 pair', whole: 'pair \ud83d\ude00' };

    const response = await dispatch(tenant, {
      events: [
        { action_type: 'store_note', plugin_id: plugin.id, payload },
        { action_type: 'create_task', payload: { title: 'half \udc00 pair' } },
      ],
    });

    expect(response.results.map((r) => r.success)).toEqual([true, true]);
    expect(server.calls[0]?.body).toEqual(payload);
    const rows = await executionsOf(tenant);
    expect(rows.map((row) => row.status)).toEqual(['succeeded', 'succeeded']);
    const stored = { note: 'half \uFFFD pair', whole: 'pair \ud83d\ude00' };
    expect(rows[0]?.payload).toEqual(stored);
    expect(rows[0]?.result).toEqual({ ok: true, received: stored });
    expect(rows[1]?.payload).toEqual({ title: 'half \uFFFD pair' });
  });

  it('[DISPATCH][FLOW]: a flow_execution_id is generated when absent and used everywhere', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/ping': respondJson(200, {}) });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('ping')],
    });

    const first = await dispatch(tenant, {
      events: [{ action_type: 'ping', plugin_id: plugin.id }],
    });
    const second = await dispatch(tenant, {
      events: [{ action_type: 'ping', plugin_id: plugin.id }],
    });

    expect(first.flow_execution_id).toMatch(/^flow_[0-9a-f-]{36}$/);
    expect(second.flow_execution_id).not.toBe(first.flow_execution_id);
    expect(server.calls.map((call) => call.headers['x-flow-execution-id'])).toEqual([
      first.flow_execution_id,
      second.flow_execution_id,
    ]);
    const rows = await executionsOf(tenant);
    expect(new Set(rows.map((row) => row.flowExecutionId))).toEqual(
      new Set([first.flow_execution_id, second.flow_execution_id]),
    );
  });
});
