import { setTimeout as sleep } from 'node:timers/promises';
import { HEALTH_LATENCY_BOUNDS_MS } from '@registry/contracts';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  pluginServerForFile,
  sendJson,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { actionNames, discoverAllPages, discoverPage } from '../../test/support/discovery';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { listExecutions } from '../executions/execution-queries';

const deps = testRegistryDeps({
  PLUGIN_RETRY_SCHEDULE: '0s',
  PLUGIN_CIRCUIT_THRESHOLD: '3',
  PLUGIN_CIRCUIT_COOLDOWN_MS: '600000',
});

/** Sleeps `sleep_ms` of the payload, then succeeds, or fails when the payload says `fail`. */
const server = await pluginServerForFile({
  '/actions/act': async (call, response) => {
    const payload = call.body as { sleep_ms?: number; fail?: boolean } | undefined;
    await sleep(payload?.sleep_ms ?? 0);
    if (payload?.fail) sendJson(response, 503, { error: 'down for a moment' });
    else sendJson(response, 200, { ok: true });
  },
});

const discover = async (tenantId: string, query: Record<string, string> = {}) =>
  (await discoverPage(deps, tenantId, query)).actions;
const names = actionNames;
const pluginNames = (actions: Parameters<typeof names>[0]) =>
  names(actions).filter((name) => !name.startsWith('platform:'));

async function pluginWithAct(tenantId: string, slug: string) {
  return insertPlugin(deps.db, tenantId, {
    slug,
    apiEndpoint: server.url,
    actions: [actionDefinition('act')],
  });
}

/** One at a time, so the circuit counts each failure before the next event. */
async function send(tenantId: string, pluginId: string, payloads: object[], extra: object = {}) {
  for (const payload of payloads) {
    await dispatchBody(deps, tenantId, {
      ...extra,
      events: [{ action_type: 'act', plugin_id: pluginId, payload }],
    });
  }
}

/** The nearest-rank 95th percentile of the attempts' durations, as the bucket bound holding it. */
function expectedP95(durations: number[]): number {
  const sorted = [...durations].sort((a, b) => a - b);
  const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1] as number;
  return HEALTH_LATENCY_BOUNDS_MS.find((bound) => p95 <= bound) ?? 60_000;
}

describe('health in discovery', () => {
  it('[ACTIONS][HEALTH]: reports calls, success rate, p95 and the last error from the executions', async () => {
    const tenantId = newTenantId();
    const plugin = await pluginWithAct(tenantId, 'mixed');
    const sleeps = [5, 15, 30, 45, 60, 80, 120, 20, 10, 35, 70, 140, 5, 25, 55, 10, 65, 90];
    // Failures apart, so the circuit (3 in a row) stays closed.
    await send(tenantId, plugin.id, [
      ...sleeps.slice(0, 5).map((sleep_ms) => ({ sleep_ms })),
      { sleep_ms: 300, fail: true },
      ...sleeps.slice(5, 10).map((sleep_ms) => ({ sleep_ms })),
      { sleep_ms: 5, fail: true },
      ...sleeps.slice(10).map((sleep_ms) => ({ sleep_ms })),
    ]);
    await send(tenantId, plugin.id, [{ sleep_ms: 400, fail: true }], { dry_run: true });

    const executions = (await listExecutions(deps, tenantId, { limit: 100 })).items;
    const delivered = executions.filter((execution) => !execution.dry_run);
    const failed = delivered.filter((execution) => execution.status !== 'succeeded');
    const [action] = await discover(tenantId, { plugin: 'mixed' });
    expect(delivered).toHaveLength(20);
    expect(action?.health).toEqual({
      window: '24h',
      calls: 20,
      success_rate: 18 / 20,
      p95_ms: expectedP95(delivered.map((e) => e.attempts.at(-1)?.duration_ms ?? 0)),
      last_error_code: failed[0]?.error_code,
      last_error_at: failed[0]?.completed_at,
      circuit: 'closed',
    });
  });

  it('[ACTIONS][HEALTH]: healthy=true keeps the reliable and the uncalled, sort ranks by health', async () => {
    const tenantId = newTenantId();
    const [steady, slow, flaky, broken] = await Promise.all(
      ['steady', 'slow', 'flaky', 'broken', 'unused'].map((slug) => pluginWithAct(tenantId, slug)),
    );
    await send(tenantId, steady?.id as string, Array(20).fill({ sleep_ms: 1 }));
    await send(tenantId, slow?.id as string, Array(20).fill({ sleep_ms: 120 }));
    await send(tenantId, flaky?.id as string, [
      ...Array(18).fill({ sleep_ms: 1 }),
      { fail: true },
      { fail: true },
    ]);
    await send(tenantId, broken?.id as string, Array(3).fill({ fail: true }));
    await dispatchBody(deps, tenantId, {
      events: [{ action_type: 'create_task', payload: { title: 'Call back' } }],
    });

    const healthy = await discover(tenantId, { healthy: 'true' });
    expect(pluginNames(healthy)).toEqual(['slow:act', 'steady:act', 'unused:act']);
    const [brokenAction] = await discover(tenantId, { plugin: 'broken' });
    expect(brokenAction?.health).toMatchObject({ calls: 3, success_rate: 0, circuit: 'open' });

    const [task] = await discover(tenantId, { search: 'create_task' });
    expect(task?.health).toMatchObject({ calls: 1, success_rate: 1, circuit: 'closed' });

    const byRate = await discover(tenantId, { sort: 'success_rate' });
    expect(pluginNames(byRate)).toEqual([
      'slow:act',
      'steady:act',
      'flaky:act',
      'broken:act',
      'unused:act',
    ]);
    // The three fast ones may share a bucket (ties go in catalog order) or not, on a busy machine.
    const byP95 = (await discover(tenantId, { sort: 'p95' })).filter((a) => a.source === 'plugin');
    const p95s = byP95.slice(0, 4).map((action) => action.health.p95_ms as number);
    expect(p95s).toEqual([...p95s].sort((a, b) => a - b));
    expect(pluginNames(byP95).slice(3)).toEqual(['slow:act', 'unused:act']);
  });

  it('[ACTIONS][HEALTH]: a health-sorted list pages through every action once', async () => {
    const tenantId = newTenantId();
    const plugins = await Promise.all(
      ['a', 'b', 'c', 'd'].map((slug) => pluginWithAct(tenantId, slug)),
    );
    await send(tenantId, plugins[2]?.id as string, [{ sleep_ms: 1 }]);
    await send(tenantId, plugins[1]?.id as string, [{ sleep_ms: 1 }, { fail: true }]);
    const whole = names(await discover(tenantId, { sort: 'success_rate' }));
    const paged = await discoverAllPages(deps, tenantId, { sort: 'success_rate', limit: '2' });
    expect(names(paged.actions)).toEqual(whole);
    expect(whole.slice(0, 3)).toEqual(['c:act', 'b:act', 'platform:create_product']);
  });
});
