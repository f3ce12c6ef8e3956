import type { RestErrorBody } from '@registry/contracts';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, startPluginServer } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../test/support/api-server';
import { ping, refund, pluginInUse as usedPlugin } from '../../test/support/plugin-in-use';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor, expectTrpcError } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
let server: ApiServer;
let plugins: Awaited<ReturnType<typeof startPluginServer>>;
let send: ReturnType<typeof createRestClient>;

beforeAll(async () => {
  server = await startApiServer(deps);
  plugins = await startPluginServer({ '/actions/refund': echo, '/actions/ping': echo });
  send = createRestClient(deps, { baseUrl: server.url });
});
afterAll(async () => {
  await server.close();
  await plugins.close();
});

const pluginInUse = () => usedPlugin(deps, send, plugins.url);

const register = (slug: string, json: unknown) =>
  send('POST', `/api/plugins/${slug}/register-actions`, { json });

describe('breaking re-registration (REGISTRATION_BREAKING_POLICY=refuse-used, the default)', () => {
  it('[ACTIONS][BREAKING]: a breaking change to an action called in the last 30 days is refused with 409 and changes nothing', async () => {
    const plugin = await pluginInUse();
    const before = await getPlugin(deps, DEFAULT_TENANT_ID, plugin.slug);

    const answer = await register(plugin.slug, { actions: [refund(['order_id', 'amount']), ping] });

    const body = expectRestError(answer, 409, 'CONFLICT') as RestErrorBody;
    expect(body.error).toMatch(/breaks callers of refund.*allow_breaking/);
    expect(body.breaking_changes).toEqual([
      {
        action_type: 'refund',
        change: 'required_field_added',
        path: 'input_schema.properties.amount',
        detail: 'input_schema.properties.amount: required field added',
      },
    ]);
    expect(body.affected).toEqual([
      { action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 },
    ]);
    const after = await getPlugin(deps, DEFAULT_TENANT_ID, plugin.slug);
    expect(after.registered_actions).toEqual(before.registered_actions);
    const history = await send('GET', `/api/plugins/${plugin.slug}/registrations`);
    expect((history.body as { registrations: unknown[] }).registrations).toEqual([]);
  });

  it('[ACTIONS][BREAKING]: "allow_breaking": true accepts it, reports it, and marks the revision breaking', async () => {
    const plugin = await pluginInUse();

    const answer = await register(plugin.slug, {
      actions: [actionDefinition('refund', { required_fields: ['order_id'], endpoint: '/v2' })],
      allow_breaking: true,
    });

    expect(answer.status).toBe(200);
    expect((answer.body as { breaking_changes: unknown }).breaking_changes).toEqual([
      expect.objectContaining({ action_type: 'refund', change: 'endpoint_changed' }),
      expect.objectContaining({ action_type: 'ping', change: 'action_removed' }),
    ]);
    const history = await send('GET', `/api/plugins/${plugin.slug}/registrations`);
    expect(history.body).toMatchObject({ registrations: [{ revision: 1, breaking: true }] });
  });

  it('[ACTIONS][BREAKING]: breaking changes to actions nobody called are accepted and reported; compatible changes to used ones too', async () => {
    const plugin = await pluginInUse();
    const answer = await register(plugin.slug, {
      actions: [
        actionDefinition('refund', {
          required_fields: ['order_id'],
          optional_fields: ['note'],
          title: 'Refund an order',
        }),
      ],
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { breaking_changes: unknown }).breaking_changes).toEqual([
      { action_type: 'ping', change: 'action_removed', path: '', detail: 'action removed' },
    ]);
  });

  it('[ACTIONS][BREAKING]: allow_breaking that is not a boolean is a 400 naming the field', async () => {
    const plugin = await pluginInUse();
    const answer = await register(plugin.slug, { actions: [ping], allow_breaking: 'yes' });
    const body = expectRestError(answer, 400, 'VALIDATION_ERROR');
    expect(body.issues?.map((issue) => issue.field)).toEqual(['allow_breaking']);
  });

  it('[TRPC][ACTIONS][BREAKING]: actions.register refuses with CONFLICT and the same details, unless allow_breaking', async () => {
    const plugin = await pluginInUse();
    const caller = callerFor(deps, DEFAULT_TENANT_ID);
    const refused = caller.actions.register({ slug: plugin.slug, actions: [ping] });
    const { cause } = await expectTrpcError(refused, 'CONFLICT', 'CONFLICT');
    expect(cause.details?.affected).toEqual([
      { action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 },
    ]);
    const allowed = await caller.actions.register({
      slug: plugin.slug,
      actions: [ping],
      allow_breaking: true,
    });
    expect(allowed.breaking_changes.map((change) => change.change)).toEqual(['action_removed']);
  });
});

describe('REGISTRATION_BREAKING_POLICY', () => {
  const strict = testRegistryDeps({ REGISTRATION_BREAKING_POLICY: 'refuse-all' });
  const lenient = testRegistryDeps({ REGISTRATION_BREAKING_POLICY: 'warn' });

  it('[ACTIONS][BREAKING]: refuse-all refuses a breaking change to an action nobody called', async () => {
    const plugin = await insertPlugin(strict.db, DEFAULT_TENANT_ID, { actions: [ping] });
    const refused = callerFor(strict, DEFAULT_TENANT_ID).actions.register({
      slug: plugin.slug,
      actions: [],
    });
    const { cause } = await expectTrpcError(refused, 'CONFLICT', 'CONFLICT');
    expect(cause.details?.affected).toEqual([
      { action_type: 'ping', events_last_30_days: 0, flows_last_30_days: 0 },
    ]);
  });

  it('[ACTIONS][BREAKING]: warn accepts a breaking change to a used action, and reports it', async () => {
    const plugin = await pluginInUse();
    const answer = await callerFor(lenient, DEFAULT_TENANT_ID).actions.register({
      slug: plugin.slug,
      actions: [ping],
    });
    expect(answer.breaking_changes).toEqual([
      expect.objectContaining({ action_type: 'refund', change: 'action_removed' }),
    ]);
  });
});
