import { randomUUID } from 'node:crypto';
import { ZExecutionStatsQuerySchema } from '@registry/contracts';
import { insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { parseInput } from '../errors/app-error';
import { executionStats } from './execution-stats';

const deps = testRegistryDeps();

interface Recorded {
  action: string;
  status: 'succeeded' | 'failed' | 'running';
  ms: number;
  at: string;
  plugin?: { id: string; slug: string };
  flow?: string;
  dryRun?: boolean;
}

/** Stores executions as dispatch leaves them, at chosen times and durations. */
async function record(tenantId: string, executions: Recorded[]) {
  await deps.db.actionExecution.createMany({
    data: executions.map((execution, index) => ({
      id: randomUUID(),
      tenantId,
      flowExecutionId: execution.flow ?? 'flow-1',
      eventIndex: index,
      actionType: execution.action,
      pluginId: execution.plugin?.id ?? null,
      pluginSlug: execution.plugin?.slug ?? null,
      status: execution.status,
      payload: {},
      durationMs: execution.status === 'running' ? null : execution.ms,
      createdAt: new Date(execution.at),
      dryRun: execution.dryRun ?? false,
    })),
  });
}

const stats = (tenantId: string, query: Record<string, string> = {}) =>
  executionStats(deps, tenantId, parseInput(ZExecutionStatsQuerySchema, query));

const at = (time: string) => `2026-03-02T${time}:00.000Z`;

describe('executionStats', () => {
  it('[EXECUTIONS][STATS]: success rate and p50/p95 latency per action; in-flight ones left out', async () => {
    const tenantId = newTenantId();
    const plugin = await insertPlugin(deps.db, tenantId, { slug: 'mailer' });
    const mail = { id: plugin.id, slug: 'mailer' };
    await record(
      tenantId,
      [
        ...[10, 20, 30, 40].map((ms) => ({
          action: 'send',
          plugin: mail,
          status: 'succeeded',
          ms,
        })),
        { action: 'send', plugin: mail, status: 'failed', ms: 100 },
        { action: 'send', plugin: mail, status: 'running', ms: 0 },
        { action: 'create_task', status: 'succeeded', ms: 5 },
      ].map((execution) => ({ ...execution, at: at('10:00') }) as Recorded),
    );

    const result = await stats(tenantId, { from: at('10:00'), to: at('10:30') });

    expect(result).toMatchObject({ from: at('10:00'), to: at('10:30'), bucket: 'minute' });
    expect(result.actions.map(({ series: _, ...summary }) => summary)).toEqual([
      {
        action_type: 'send',
        plugin_id: plugin.id,
        plugin_slug: 'mailer',
        total: 5,
        successful: 4,
        failed: 1,
        success_rate: 0.8,
        p50_ms: 30,
        // Interpolated as percentile_cont does: 40 + 0.8 × (100 − 40).
        p95_ms: 88,
      },
      {
        action_type: 'create_task',
        plugin_id: null,
        plugin_slug: null,
        total: 1,
        successful: 1,
        failed: 0,
        success_rate: 1,
        p50_ms: 5,
        p95_ms: 5,
      },
    ]);
  });

  it('[EXECUTIONS][STATS]: dry runs are not counted: nothing was done', async () => {
    const tenantId = newTenantId();
    await record(tenantId, [
      { action: 'create_task', status: 'succeeded', ms: 10, at: at('10:05') },
      { action: 'create_task', status: 'failed', ms: 30, at: at('10:06'), dryRun: true },
      { action: 'create_task', status: 'succeeded', ms: 20, at: at('10:07'), dryRun: true },
    ]);

    const result = await stats(tenantId, { from: at('10:00'), to: at('10:30') });

    expect(result.actions.map(({ series: _, ...summary }) => summary)).toEqual([
      expect.objectContaining({ action_type: 'create_task', total: 1, successful: 1, p50_ms: 10 }),
    ]);
  });

  it('[EXECUTIONS][STATS]: every bucket of the window is listed, empty ones with null rates', async () => {
    const tenantId = newTenantId();
    await record(tenantId, [
      { action: 'create_task', status: 'succeeded', ms: 10, at: at('10:05') },
      { action: 'create_task', status: 'failed', ms: 30, at: at('10:59') },
      { action: 'create_task', status: 'succeeded', ms: 50, at: at('12:30') },
      { action: 'create_task', status: 'succeeded', ms: 70, at: at('14:00') },
    ]);

    const result = await stats(tenantId, { from: at('10:00'), to: at('13:00') });

    expect(result.bucket).toBe('hour');
    const [task] = result.actions;
    expect(task?.total).toBe(3);
    expect(task?.series).toEqual([
      {
        bucket_start: at('10:00'),
        total: 2,
        successful: 1,
        failed: 1,
        success_rate: 0.5,
        p50_ms: 20,
        p95_ms: 29,
      },
      {
        bucket_start: at('11:00'),
        total: 0,
        successful: 0,
        failed: 0,
        success_rate: null,
        p50_ms: null,
        p95_ms: null,
      },
      {
        bucket_start: at('12:00'),
        total: 1,
        successful: 1,
        failed: 0,
        success_rate: 1,
        p50_ms: 50,
        p95_ms: 50,
      },
      {
        bucket_start: at('13:00'),
        total: 0,
        successful: 0,
        failed: 0,
        success_rate: null,
        p50_ms: null,
        p95_ms: null,
      },
    ]);
    const days = await stats(tenantId, {
      from: '2026-03-01T00:00:00Z',
      to: '2026-03-20T00:00:00Z',
    });
    expect(days.bucket).toBe('day');
    expect(days.actions[0]?.series).toHaveLength(20);
  });

  it('[EXECUTIONS][STATS]: without from, the window starts at the first matching execution', async () => {
    const tenantId = newTenantId();
    await record(tenantId, [
      { action: 'create_task', status: 'succeeded', ms: 1, at: at('09:00'), flow: 'early' },
      { action: 'create_task', status: 'succeeded', ms: 1, at: at('11:00'), flow: 'late' },
    ]);

    const late = await stats(tenantId, { flow_execution_id: 'late', to: at('11:30') });
    expect(late).toMatchObject({ from: at('11:00'), bucket: 'minute' });
    expect(late.actions[0]?.series).toHaveLength(31);
    const all = await stats(tenantId, { to: at('11:30') });
    expect(all).toMatchObject({ from: at('09:00'), bucket: 'hour', actions: [{ total: 2 }] });
  });

  it('[EXECUTIONS][STATS]: filters by action, plugin and flow; other tenants are not counted', async () => {
    const tenantId = newTenantId();
    const plugin = await insertPlugin(deps.db, tenantId, { slug: 'mailer' });
    const mail = { id: plugin.id, slug: 'mailer' };
    await record(tenantId, [
      { action: 'send', plugin: mail, status: 'succeeded', ms: 1, at: at('10:00'), flow: 'a' },
      { action: 'send', plugin: mail, status: 'failed', ms: 1, at: at('10:01'), flow: 'b' },
      { action: 'create_task', status: 'succeeded', ms: 1, at: at('10:02'), flow: 'a' },
    ]);
    const window = { from: at('10:00'), to: at('10:10') };
    const types = async (query: Record<string, string>) =>
      (await stats(tenantId, { ...window, ...query })).actions.map(
        (a) => `${a.action_type}:${a.total}`,
      );

    expect(await types({})).toEqual(['send:2', 'create_task:1']);
    expect(await types({ action_type: 'create_task' })).toEqual(['create_task:1']);
    expect(await types({ plugin_id: plugin.id })).toEqual(['send:2']);
    expect(await types({ flow_execution_id: 'b' })).toEqual(['send:1']);
    expect((await stats(newTenantId(), window)).actions).toEqual([]);
  });

  it('[EXECUTIONS][STATS]: a window over two years is a 400 naming from; an open one is cut to two years', async () => {
    const tenantId = newTenantId();
    expect(() =>
      stats(tenantId, { from: '0001-01-01T00:00:00Z', to: '9999-12-31T00:00:00Z' }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION_ERROR',
        issues: [{ field: 'from', message: 'must be at most 732 days before to (or now)' }],
      }),
    );
    expect(() => stats(tenantId, { from: '2000-01-01T00:00:00Z' })).toThrow(
      /^Invalid request: from:/,
    );

    await record(tenantId, [
      { action: 'create_task', status: 'succeeded', ms: 1, at: '2020-01-01T00:00:00.000Z' },
      { action: 'create_task', status: 'succeeded', ms: 1, at: '2026-03-01T00:00:00.000Z' },
    ]);
    const open = await stats(tenantId, { to: '2026-03-02T00:00:00.000Z' });
    expect(open).toMatchObject({ from: '2026-03-01T00:00:00.000Z', actions: [{ total: 1 }] });
    const far = await stats(tenantId, { to: '9999-12-31T00:00:00.000Z' });
    expect(Date.parse(far.to) - Date.parse(far.from)).toBeLessThanOrEqual(732 * 86_400_000);
    expect(far.actions).toEqual([]);
  });
});
