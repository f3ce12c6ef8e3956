import { randomUUID } from 'node:crypto';
import { testRegistryDeps } from '@registry/core/test-support';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  pluginServerForFile,
} from '@registry/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();
const server = await pluginServerForFile({ '/actions/ping': echo });

const tenantId = newTenantId();
const caller = callerFor(deps, tenantId);
let pluginId = '';
type Execution = Awaited<ReturnType<typeof caller.executions.get>>;
let all: Execution[] = [];

// Two flows a few milliseconds apart: 'flow-a' (3 plugin events, one failing), then 'flow-b'.
beforeAll(async () => {
  const plugin = await insertPlugin(deps.db, tenantId, {
    slug: 'pinger',
    apiEndpoint: server.url,
    actions: [actionDefinition('ping', { required_fields: ['n'] })],
  });
  pluginId = plugin.id;
  await caller.automation.dispatch({
    flow_execution_id: 'flow-a',
    events: [
      { action_type: 'ping', plugin_id: pluginId, payload: { n: 1 } },
      { action_type: 'ping', plugin_id: pluginId, payload: {} },
      { action_type: 'ping', plugin_id: pluginId, payload: { n: 3 } },
    ],
  });
  await new Promise((resolve) => setTimeout(resolve, 20));
  await caller.automation.dispatch({
    flow_execution_id: 'flow-b',
    events: [
      { action_type: 'create_task', payload: { title: 'Follow up' } },
      { action_type: 'no_such_action' },
    ],
  });
  all = (await caller.executions.list({ limit: 200 })).items;
});

const idsOf = (items: { id: string }[]) => items.map((item) => item.id);

describe('executions router', () => {
  it('[TRPC][EXECUTIONS]: list shows every execution of the tenant, newest first', async () => {
    expect(all).toHaveLength(5);
    expect(all.map((e) => e.flow_execution_id)).toEqual([
      'flow-b',
      'flow-b',
      'flow-a',
      'flow-a',
      'flow-a',
    ]);
    const createdAt = all.map((e) => e.created_at);
    expect(createdAt).toEqual([...createdAt].sort().reverse());
    expect((await callerFor(deps, newTenantId()).executions.list()).items).toEqual([]);
  });

  it('[TRPC][EXECUTIONS]: get returns the recorded event with its payload, result or error', async () => {
    const failed = all.find((e) => e.flow_execution_id === 'flow-a' && e.status === 'failed');
    expect(failed).toBeDefined();
    const execution = await caller.executions.get({ id: failed?.id ?? '' });
    expect(execution).toMatchObject({
      event_index: 1,
      action_type: 'ping',
      plugin_id: pluginId,
      plugin_slug: 'pinger',
      payload: {},
      result: null,
      error: 'Missing required field: n for action ping',
      error_code: 'MISSING_REQUIRED_FIELDS',
    });
    expect(execution.completed_at).not.toBeNull();
    const ok = all.find((e) => e.flow_execution_id === 'flow-a' && e.event_index === 0);
    expect(await caller.executions.get({ id: ok?.id ?? '' })).toMatchObject({
      status: 'succeeded',
      payload: { n: 1 },
      result: { ok: true, received: { n: 1 } },
      error: null,
    });
  });

  it('[TRPC][EXECUTIONS]: list filters by status, action_type, plugin_id and flow_execution_id', async () => {
    const list = async (query: Parameters<typeof caller.executions.list>[0]) =>
      (await caller.executions.list(query)).items;
    const failed = await list({ status: 'failed' });
    expect(failed.map((e) => e.error_code).sort()).toEqual([
      'ACTION_NOT_FOUND',
      'MISSING_REQUIRED_FIELDS',
    ]);
    expect(await list({ status: 'running' })).toEqual([]);
    expect((await list({ action_type: 'create_task' })).map((e) => e.status)).toEqual([
      'succeeded',
    ]);
    expect(idsOf(await list({ plugin_id: pluginId }))).toEqual(
      idsOf(all.filter((e) => e.flow_execution_id === 'flow-a')),
    );
    const flowB = await list({ flow_execution_id: 'flow-b' });
    expect(flowB.map((e) => e.event_index).sort()).toEqual([0, 1]);
    expect(
      await list({ flow_execution_id: 'flow-b', status: 'succeeded', action_type: 'ping' }),
    ).toEqual([]);
  });

  it('[TRPC][EXECUTIONS]: list filters by a from/to time range, both ends included', async () => {
    const flowA = all.filter((e) => e.flow_execution_id === 'flow-a');
    const flowB = all.filter((e) => e.flow_execution_id === 'flow-b');
    const lastOfA =
      flowA
        .map((e) => e.created_at)
        .sort()
        .at(-1) ?? '';
    const firstOfB = flowB.map((e) => e.created_at).sort()[0] ?? '';
    expect(lastOfA < firstOfB).toBe(true);

    const list = async (query: Parameters<typeof caller.executions.list>[0]) =>
      idsOf((await caller.executions.list(query)).items);
    expect(await list({ from: firstOfB })).toEqual(idsOf(flowB));
    expect(await list({ to: lastOfA })).toEqual(idsOf(flowA));
    expect(await list({ from: lastOfA, to: firstOfB })).toEqual(idsOf(all));
    expect(await list({ from: new Date(Date.now() + 60_000).toISOString() })).toEqual([]);
    expect(await list({ to: '2000-01-01T00:00:00+02:00' })).toEqual([]);
  });

  it('[TRPC][EXECUTIONS]: the cursor pages through everything until next_cursor is null', async () => {
    for (const limit of [1, 2, 3]) {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await caller.executions.list({ limit, cursor });
        expect(page.items.length).toBeLessThanOrEqual(limit);
        seen.push(...idsOf(page.items));
        cursor = page.next_cursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(cursor).toBeUndefined();
      expect(seen).toEqual(idsOf(all));
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
    const first = await caller.executions.list({ status: 'succeeded', limit: 2 });
    const second = await caller.executions.list({
      status: 'succeeded',
      limit: 2,
      cursor: first.next_cursor ?? '',
    });
    expect([...first.items, ...second.items].every((e) => e.status === 'succeeded')).toBe(true);
    expect(second.next_cursor).toBeNull();
  });

  it('[TRPC][EXECUTIONS]: unknown ids are NOT_FOUND; bad queries are BAD_REQUEST naming the field', async () => {
    const unknown = caller.executions.get({ id: randomUUID() });
    expect((await expectTrpcError(unknown, 'NOT_FOUND', 'NOT_FOUND')).error.message).toMatch(
      /^Execution not found: /,
    );
    const foreign = callerFor(deps, newTenantId()).executions.get({ id: all[0]?.id ?? '' });
    await expectTrpcError(foreign, 'NOT_FOUND', 'NOT_FOUND');

    const cases: [unknown, string][] = [
      [{ cursor: 'not-a-cursor' }, 'cursor'],
      [{ limit: 0 }, 'limit'],
      [{ limit: 201 }, 'limit'],
      [{ status: 'done' }, 'status'],
      [{ plugin_id: 'pinger' }, 'plugin_id'],
      [{ from: 'yesterday' }, 'from'],
    ];
    for (const [query, field] of cases) {
      const call = caller.executions.list(query as never);
      const { cause } = await expectTrpcError(call, 'BAD_REQUEST', 'VALIDATION_ERROR');
      expect(cause.issues?.map((issue) => issue.field)).toEqual([field]);
    }
    const badId = caller.executions.get({ id: 'abc' });
    const { error } = await expectTrpcError(badId, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(error.message).toContain('id: ');
  });
});
