import { testRegistryDeps } from '@registry/core/test-support';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  pluginServerForFile,
  respondJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();
const server = await pluginServerForFile({
  '/ok': respondJson(200, { ok: true }),
  '/broken': respondJson(503, { error: 'down' }),
});

describe('executions.stats', () => {
  it('[TRPC][EXECUTIONS]: stats report success rate and p50/p95 of dispatched events', async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    const plugin = await insertPlugin(deps.db, tenantId, {
      slug: 'flaky',
      apiEndpoint: server.url,
      actions: [
        actionDefinition('works', { endpoint: '/ok' }),
        actionDefinition('breaks', { endpoint: '/broken' }),
      ],
    });
    const event = (action_type: string) => ({ action_type, plugin_id: plugin.id });
    await caller.automation.dispatch({
      flow_execution_id: 'stats-flow',
      events: [event('works'), event('works'), event('breaks'), { action_type: 'create_task' }],
    });

    const result = await caller.executions.stats({ flow_execution_id: 'stats-flow' });

    expect(result.bucket).toBe('minute');
    const byType = Object.fromEntries(result.actions.map((a) => [a.action_type, a]));
    expect(byType.works).toMatchObject({ plugin_slug: 'flaky', total: 2, success_rate: 1 });
    expect(byType.breaks).toMatchObject({ total: 1, failed: 1, success_rate: 0 });
    // create_task without a title fails validation inside dispatch: an outcome like any other.
    expect(byType.create_task).toMatchObject({ plugin_id: null, total: 1, success_rate: 0 });
    const works = byType.works;
    expect(works?.p50_ms).toBeGreaterThan(0);
    expect(works?.p95_ms).toBeGreaterThanOrEqual(works?.p50_ms ?? 0);
    expect(works?.series.reduce((sum, point) => sum + point.total, 0)).toBe(2);
    expect((await caller.executions.stats({ plugin_id: plugin.id })).actions).toHaveLength(2);
  });

  it('[TRPC][EXECUTIONS]: a window ending before it starts is BAD_REQUEST naming to', async () => {
    const caller = callerFor(deps, newTenantId());
    const backwards = caller.executions.stats({
      from: '2026-03-02T10:00:00Z',
      to: '2026-03-02T09:00:00Z',
    });
    const { cause } = await expectTrpcError(backwards, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(cause.issues).toEqual([{ field: 'to', message: 'must not be before from' }]);
    const badDate = caller.executions.stats({ from: 'yesterday' });
    const { cause: dateCause } = await expectTrpcError(badDate, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(dateCause.issues?.map((issue) => issue.field)).toEqual(['from']);
  });
});
