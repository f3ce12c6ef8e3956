import { newSigningSecret } from '@registry/db';
import {
  actionDefinition,
  type DatabaseRows,
  echo,
  insertPlugin,
  newTenantId,
  pluginServerForTest,
  readTenantRows,
  respondJson,
} from '@registry/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { dispatchBody } from '../../test/support/dispatch-body';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { listExecutions } from '../executions/execution-queries';
import { recoverPluginEvents } from '../executions/redeliver';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });
const dispatch = (tenantId: string, body: unknown) => dispatchBody(deps, tenantId, body);

/** The tenant's rows in every table but history, where a dry run leaves its record. */
async function rowsBesideHistory(tenantId: string): Promise<DatabaseRows> {
  const { action_executions: _history, ...rows } = await readTenantRows(deps.sql, tenantId);
  return rows;
}

async function history(tenantId: string) {
  return (await listExecutions(deps, tenantId, { limit: 50 })).items;
}

describe('dry runs of platform actions', () => {
  it('[DISPATCH][DRY_RUN]: create_product answers the would-be product and leaves every table but history unchanged', async () => {
    const tenant = newTenantId();
    const before = await rowsBesideHistory(tenant);

    const response = await dispatch(tenant, {
      dry_run: true,
      events: [{ action_type: 'create_product', payload: { name: 'Mug', price: 9.5 } }],
    });

    expect(response.dry_run).toBe(true);
    expect(response.results[0]).toMatchObject({
      success: true,
      status: 'succeeded',
      dry_run: true,
      result: { id: expect.any(String), name: 'Mug', price: 9.5 },
    });
    expect(await rowsBesideHistory(tenant)).toEqual(before);
    expect(await deps.db.product.count({ where: { tenantId: tenant } })).toBe(0);
    expect(await history(tenant)).toEqual([
      expect.objectContaining({
        id: response.results[0]?.execution_id,
        action_type: 'create_product',
        status: 'succeeded',
        dry_run: true,
        idempotency_key: null,
        result: expect.objectContaining({ name: 'Mug' }),
      }),
    ]);
  });

  it('[DISPATCH][DRY_RUN]: validation errors come back as in a real run, and are recorded as dry runs', async () => {
    const tenant = newTenantId();
    const events = [
      { action_type: 'create_product', payload: { name: 'Mug', price: 'cheap' } },
      { action_type: 'no_such_action', payload: {} },
    ];
    const real = await dispatch(tenant, { events });
    const dry = await dispatch(tenant, { dry_run: true, events });

    const outcome = ({ success, status, error, error_code }: Record<string, unknown>) => ({
      success,
      status,
      error,
      error_code,
    });
    expect(dry.results.map(outcome)).toEqual(real.results.map(outcome));
    expect(dry.results.map((result) => (result.success ? null : result.error_code))).toEqual([
      'INVALID_PAYLOAD',
      'ACTION_NOT_FOUND',
    ]);
    const dryRecords = (await history(tenant)).filter((execution) => execution.dry_run);
    expect(dryRecords.map((execution) => [execution.status, execution.error_code]).sort()).toEqual([
      ['failed', 'ACTION_NOT_FOUND'],
      ['failed', 'INVALID_PAYLOAD'],
    ]);
  });

  it('[DISPATCH][DRY_RUN]: a dry run does not use up the idempotency key: the real run then does the work', async () => {
    const tenant = newTenantId();
    const event = {
      action_type: 'create_product',
      idempotency_key: 'product-mug-1',
      payload: { name: 'Mug', price: 9.5 },
    };
    await dispatch(tenant, { dry_run: true, events: [event] });
    const real = await dispatch(tenant, { events: [event] });

    expect(real.results[0]).toMatchObject({ success: true });
    expect(real.results[0]).not.toHaveProperty('replayed');
    expect(await deps.db.product.count({ where: { tenantId: tenant } })).toBe(1);
  });
});

describe('dry runs of plugin actions', () => {
  it('[DISPATCH][DRY_RUN]: an action that supports dry runs gets one signed call with webhook-dry-run: true; nothing else changes', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/send-email': echo });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [
        actionDefinition('send_email_dry', {
          endpoint: '/actions/send-email',
          supports_dry_run: true,
        }),
      ],
    });
    const secret = newSigningSecret();
    await deps.sql.query('INSERT INTO plugin_secrets (plugin_id, secret) VALUES ($1, $2)', [
      plugin.id,
      secret,
    ]);
    const before = await rowsBesideHistory(tenant);
    const payload = { to: 'ada@example.com' };

    const response = await dispatch(tenant, {
      dry_run: true,
      flow_execution_id: 'flow_dry',
      events: [{ action_type: 'send_email_dry', plugin_id: plugin.id, payload }],
    });

    expect(response.results[0]).toMatchObject({
      success: true,
      dry_run: true,
      attempts: 1,
      result: { ok: true, received: payload },
      request: { method: 'POST', url: `${server.url}/actions/send-email`, body: payload },
    });
    expect(server.calls).toHaveLength(1);
    const [call] = server.calls;
    expect(call?.headers['webhook-dry-run']).toBe('true');
    const headers = Object.fromEntries(
      Object.entries(call?.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    expect(() => new Webhook(secret).verify(JSON.stringify(call?.body), headers)).not.toThrow();
    expect(JSON.stringify(response)).not.toContain(headers['webhook-signature']);
    expect(await rowsBesideHistory(tenant)).toEqual(before);
  });

  it('[DISPATCH][DRY_RUN]: an action without supports_dry_run is never called: the answer shows the request it would get', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/notify': echo });
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: `${server.url}/base/`,
      actions: [
        actionDefinition('notify', { endpoint: '/actions/notify', required_fields: ['to'] }),
      ],
    });
    const before = await rowsBesideHistory(tenant);

    const response = await dispatch(tenant, {
      dry_run: true,
      flow_execution_id: 'flow_dry',
      events: [{ action_type: 'notify', plugin_id: plugin.id, payload: { to: 'ops' } }],
    });

    expect(server.calls).toEqual([]);
    expect(response.results[0]).toMatchObject({
      success: true,
      dry_run: true,
      attempts: 0,
      result: null,
      request: {
        method: 'POST',
        url: `${server.url}/base/actions/notify`,
        headers: {
          'content-type': 'application/json',
          'x-flow-execution-id': 'flow_dry',
          'x-action-type': 'notify',
          'webhook-id': expect.stringMatching(/^evt_/),
          'webhook-signature': 'v1,<redacted>',
        },
        body: { to: 'ops' },
      },
    });
    expect(response.results[0]?.request?.headers).not.toHaveProperty('webhook-dry-run');
    expect(await rowsBesideHistory(tenant)).toEqual(before);
    expect(await history(tenant)).toEqual([
      expect.objectContaining({ dry_run: true, status: 'succeeded', plugin_id: plugin.id }),
    ]);
  });

  it('[DISPATCH][DRY_RUN]: a failing dry-run call is never retried, opens no circuit and is never recovered', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({
      '/actions/act': respondJson(503, { error: 'down' }),
    });
    await insertPlugin(deps.db, tenant, {
      slug: 'down',
      apiEndpoint: server.url,
      actions: [actionDefinition('act', { supports_dry_run: true })],
    });
    const since = new Date(Date.now() - 60_000);
    const before = await rowsBesideHistory(tenant);

    const response = await dispatch(tenant, {
      dry_run: true,
      events: Array.from({ length: 6 }, () => ({ action_type: 'act' })),
    });

    expect(response.results.map((result) => [result.status, result.attempts])).toEqual(
      Array.from({ length: 6 }, () => ['failed', 1]),
    );
    expect(server.calls).toHaveLength(6);
    const { plugin_secrets: _secret, ...after } = await rowsBesideHistory(tenant);
    const { plugin_secrets: _none, ...unchanged } = before;
    expect(after).toEqual(unchanged);
    expect((await recoverPluginEvents(deps, tenant, 'down', since)).recovered).toBe(0);
  });

  it('[DISPATCH][DRY_RUN]: a plugin the URL policy refuses, or whose circuit is open, fails as it would, uncalled', async () => {
    const tenant = newTenantId();
    const server = await pluginServerForTest({ '/actions/notify': echo });
    const forbidden = await insertPlugin(deps.db, tenant, {
      apiEndpoint: 'http://10.0.0.1:8080',
      actions: [actionDefinition('notify')],
    });
    const tripped = await insertPlugin(deps.db, tenant, {
      apiEndpoint: server.url,
      actions: [actionDefinition('notify', { supports_dry_run: true })],
    });
    await deps.sql.query(
      `INSERT INTO plugin_delivery_state (plugin_id, tenant_id, circuit_state, opened_at, half_open_at)
       VALUES ($1, $2, 'open', now(), now() + interval '1 hour')`,
      [tripped.id, tenant],
    );
    const before = await rowsBesideHistory(tenant);

    const response = await dispatch(tenant, {
      dry_run: true,
      events: [
        { action_type: 'notify', plugin_id: forbidden.id },
        { action_type: 'notify', plugin_id: tripped.id },
      ],
    });

    expect(response.results.map((result) => (result.success ? 'ok' : result.error_code))).toEqual([
      'ADDRESS_NOT_ALLOWED',
      'CIRCUIT_OPEN',
    ]);
    expect(server.calls).toEqual([]);
    expect(await rowsBesideHistory(tenant)).toEqual(before);
  });
});
