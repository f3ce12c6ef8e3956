import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  type PluginRoute,
  pluginServerForTest,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps();

const dispatch = (tenantId: string, body: unknown) => dispatchBody(deps, tenantId, body);

/** A plugin whose `act` action answers after `delayMs`, counting calls per webhook-id. */
async function countingPlugin(tenantId: string, delayMs = 0) {
  const answer: PluginRoute = (call, response) => {
    setTimeout(() => echo(call, response), delayMs);
  };
  const server = await pluginServerForTest({ '/actions/act': answer });
  const plugin = await insertPlugin(deps.db, tenantId, {
    apiEndpoint: server.url,
    actions: [actionDefinition('act')],
  });
  const callsPerEvent = () => {
    const counts = new Map<string, number>();
    for (const call of server.calls) {
      const id = String(call.headers['webhook-id']);
      counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    return counts;
  };
  return { server, plugin, callsPerEvent };
}

describe('dispatchEvents: idempotency', () => {
  it('[DISPATCH][IDEMPOTENCY]: re-sending a request returns the recorded results without calling again', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await countingPlugin(tenant);
    const request = {
      flow_execution_id: 'flow-retried-by-its-caller',
      events: [
        { action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } },
        { action_type: 'create_task', payload: { title: 'Call back' } },
      ],
    };

    const first = await dispatch(tenant, request);
    const second = await dispatch(tenant, request);

    expect(server.calls).toHaveLength(1);
    expect(await deps.db.task.count({ where: { tenantId: tenant } })).toBe(1);
    expect(second.results).toEqual(
      first.results.map((result) => ({
        ...result,
        replayed: true,
        duration_ms: expect.any(Number),
      })),
    );
    expect(await deps.db.actionExecution.count({ where: { tenantId: tenant } })).toBe(2);
  });

  it('[DISPATCH][IDEMPOTENCY]: the same key with another payload fails that event only, with IDEMPOTENCY_CONFLICT', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await countingPlugin(tenant);
    const event = (n: number) => ({ action_type: 'act', plugin_id: plugin.id, payload: { n } });
    await dispatch(tenant, { flow_execution_id: 'f', events: [event(1), event(2)] });

    const changed = await dispatch(tenant, {
      flow_execution_id: 'f',
      events: [event(1), event(9)],
    });

    expect(changed.results.map((r) => (r.success ? 'ok' : r.error_code))).toEqual([
      'ok',
      'IDEMPOTENCY_CONFLICT',
    ]);
    expect(changed.results[1]).toMatchObject({
      error: expect.stringMatching(
        /^Event 1 of flow_execution_id "f" was already used for a different action or payload/,
      ),
      attempts: 0,
    });
    expect(server.calls).toHaveLength(2);
  });

  it("[DISPATCH][IDEMPOTENCY]: a caller's idempotency_key is the webhook-id, and holds across flows", async () => {
    const tenant = newTenantId();
    const { server, plugin } = await countingPlugin(tenant);
    const event = {
      action_type: 'act',
      plugin_id: plugin.id,
      idempotency_key: 'order-42-email',
      payload: { b: 2, a: 1 },
    };

    await dispatch(tenant, { flow_execution_id: 'one', events: [event] });
    const again = await dispatch(tenant, {
      flow_execution_id: 'two',
      events: [{ ...event, payload: { a: 1, b: 2 } }],
    });
    const other = await dispatch(newTenantId(), { events: [{ ...event, plugin_id: undefined }] });

    expect(server.calls.map((call) => call.headers['webhook-id'])).toEqual(['order-42-email']);
    expect(again.results[0]).toMatchObject({ success: true, replayed: true });
    // Keys belong to a tenant: another tenant's same key is its own event (here unroutable).
    expect(other.results[0]).toMatchObject({ success: false, error_code: 'ACTION_NOT_FOUND' });
  });

  it('[DISPATCH][IDEMPOTENCY]: an event that failed before any plugin call runs again when replayed', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await countingPlugin(tenant);
    await deps.db.plugin.update({ where: { id: plugin.id }, data: { status: 'inactive' } });
    const request = {
      flow_execution_id: 'flow-after-activation',
      events: [{ action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } }],
    };
    const first = await dispatch(tenant, request);
    await deps.db.plugin.update({ where: { id: plugin.id }, data: { status: 'active' } });

    const second = await dispatch(tenant, request);
    const third = await dispatch(tenant, request);

    expect(first.results[0]).toMatchObject({ success: false, error_code: 'PLUGIN_INACTIVE' });
    expect(second.results[0]).toMatchObject({
      success: true,
      execution_id: first.results[0]?.execution_id,
      attempts: 1,
    });
    expect(second.results[0]).not.toHaveProperty('replayed');
    expect(third.results[0]).toMatchObject({ success: true, replayed: true });
    expect(server.calls).toHaveLength(1);
    const rows = await deps.db.actionExecution.findMany({ where: { tenantId: tenant } });
    expect(rows.map((row) => [row.status, row.errorCode])).toEqual([['succeeded', null]]);
  });

  it('[DISPATCH][IDEMPOTENCY]: without flow_execution_id nothing is deduplicated', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await countingPlugin(tenant);
    const request = { events: [{ action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } }] };
    await dispatch(tenant, request);
    await dispatch(tenant, request);
    expect(server.calls).toHaveLength(2);
  });

  it('[DISPATCH][IDEMPOTENCY]: a key repeated inside one batch is called once and answered twice', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await countingPlugin(tenant, 50);
    const event = {
      action_type: 'act',
      plugin_id: plugin.id,
      idempotency_key: 'twice',
      payload: {},
    };
    const response = await dispatch(tenant, {
      events: [event, event, { ...event, payload: { x: 1 } }],
    });
    expect(server.calls).toHaveLength(1);
    expect(response.results.map((r) => (r.success ? 'ok' : r.error_code))).toEqual([
      'ok',
      'ok',
      'IDEMPOTENCY_CONFLICT',
    ]);
    expect(response.results[1]).toMatchObject({
      replayed: true,
      execution_id: response.results[0]?.execution_id,
    });
  });

  it('[DISPATCH][DUPLICATES]: replaying a batch 10 times concurrently calls each plugin once per event', async () => {
    const tenant = newTenantId();
    const plugins = [await countingPlugin(tenant, 30), await countingPlugin(tenant, 5)];
    const events = Array.from({ length: 20 }, (_, n) => ({
      action_type: 'act',
      plugin_id: plugins[n % 2]?.plugin.id,
      payload: { n },
    }));
    const request = { flow_execution_id: 'replayed-batch', events };

    const responses = await Promise.all(
      Array.from({ length: 10 }, () => dispatch(tenant, request)),
    );

    const calls = plugins.flatMap(({ callsPerEvent }) => [...callsPerEvent().values()]);
    expect(calls).toHaveLength(20);
    expect(calls.every((count) => count === 1)).toBe(true);
    for (const response of responses) {
      expect(response.summary).toMatchObject({ total: 20, successful: 20 });
    }
    const executionIds = new Set(responses.flatMap((r) => r.results.map((x) => x.execution_id)));
    expect(executionIds.size).toBe(20);
    const replayed = responses.flatMap((r) => r.results).filter((r) => r.replayed).length;
    console.log(
      `[duplicates] 10 concurrent replays × 20 events: ${calls.length} plugin calls (one per event), ${replayed} answers replayed`,
    );
  });
});
