import type { DispatchResponse, Plugin, RestErrorBody } from '@registry/contracts';
import type { RegistryDeps } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, startPluginServer } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor, expectTrpcError } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
const lenient = testRegistryDeps({ REGISTRATION_BREAKING_POLICY: 'warn' });
let plugins: Awaited<ReturnType<typeof startPluginServer>>;

beforeAll(async () => {
  plugins = await startPluginServer({ '/actions/refund': echo, '/actions/ping': echo });
});
afterAll(async () => {
  await plugins.close();
});

const refund = actionDefinition('refund', { required_fields: ['order_id'] });
const ping = actionDefinition('ping');

/** A plugin with `refund` and `ping`; `refund` was called once. */
async function pluginInUse(on: RegistryDeps) {
  const plugin = await insertPlugin(on.db, DEFAULT_TENANT_ID, {
    apiEndpoint: plugins.url,
    actions: [refund, ping],
  });
  const answer = await createRestClient(on)('POST', '/api/plugins/events/automation', {
    json: {
      events: [{ action_type: 'refund', plugin_id: plugin.id, payload: { order_id: 'o1' } }],
    },
  });
  expect((answer.body as DispatchResponse).summary.successful).toBe(1);
  return plugin;
}

describe("a plugin's own breaking_policy", () => {
  const send = createRestClient(deps);

  it('[PLUGINS][BREAKING]: PATCH sets it, GET shows it; with warn a breaking change to a used action is accepted and reported', async () => {
    const plugin = await pluginInUse(deps);
    const fresh = await send('GET', `/api/plugins/${plugin.slug}`);
    expect((fresh.body as { plugin: Plugin }).plugin.breaking_policy).toBeNull();

    const patched = await send('PATCH', `/api/plugins/${plugin.slug}`, {
      json: { breaking_policy: 'warn' },
    });
    expect(patched.status).toBe(200);
    const read = await send('GET', `/api/plugins/${plugin.slug}`);
    expect((read.body as { plugin: Plugin }).plugin.breaking_policy).toBe('warn');

    const answer = await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
      json: { actions: [ping] },
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { breaking_changes: unknown }).breaking_changes).toEqual([
      { action_type: 'refund', change: 'action_removed', path: '', detail: 'action removed' },
    ]);
  });

  it('[TRPC][PLUGINS][BREAKING]: plugins.update to refuse-all refuses a breaking change to an action nobody called', async () => {
    const plugin = await pluginInUse(deps);
    const caller = callerFor(deps, DEFAULT_TENANT_ID);
    const updated = await caller.plugins.update({
      slug: plugin.slug,
      breaking_policy: 'refuse-all',
    });
    expect(updated.breaking_policy).toBe('refuse-all');

    const refused = caller.actions.register({ slug: plugin.slug, actions: [refund] });
    const { cause } = await expectTrpcError(refused, 'CONFLICT', 'CONFLICT');
    expect(cause.message).toMatch(/breaks callers of ping/);
    expect(cause.details?.affected).toEqual([
      { action_type: 'ping', events_last_30_days: 0, flows_last_30_days: 0 },
    ]);
  });

  it('[PLUGINS][BREAKING]: null (the default) follows REGISTRATION_BREAKING_POLICY; an override wins over it', async () => {
    const followsWarn = await pluginInUse(lenient);
    const accepted = await callerFor(lenient, DEFAULT_TENANT_ID).actions.register({
      slug: followsWarn.slug,
      actions: [ping],
    });
    expect(accepted.breaking_changes.map((change) => change.action_type)).toEqual(['refund']);

    const strict = await pluginInUse(lenient);
    const caller = callerFor(lenient, DEFAULT_TENANT_ID);
    await caller.plugins.update({ slug: strict.slug, breaking_policy: 'refuse-used' });
    const refused = caller.actions.register({ slug: strict.slug, actions: [ping] });
    await expectTrpcError(refused, 'CONFLICT', 'CONFLICT');

    await caller.plugins.update({ slug: strict.slug, breaking_policy: null });
    const back = await caller.actions.register({ slug: strict.slug, actions: [ping] });
    expect(back.revision).toBe(1);
  });

  it('[PLUGINS][BREAKING]: a value that is no policy is a 400 naming breaking_policy, and changes nothing', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, { actions: [ping] });
    for (const [method, path, json] of [
      ['PATCH', `/api/plugins/${plugin.slug}`, { breaking_policy: 'strict' }],
      ['PATCH', '/api/plugins', { slug: plugin.slug, name: 'Renamed', breaking_policy: 1 }],
      ['PUT', `/api/plugins/${plugin.slug}`, { name: 'Renamed', breaking_policy: 'never' }],
    ] as const) {
      const answer = await send(method, path, { json });
      const body = expectRestError(answer, 400, 'VALIDATION_ERROR') as RestErrorBody;
      expect(body.issues?.map((issue) => issue.field)).toEqual(['breaking_policy']);
      expect(body.error).toMatch(/breaking_policy.*refuse-used, refuse-all, warn/);
    }
    const read = await send('GET', `/api/plugins/${plugin.slug}`);
    expect((read.body as { plugin: Plugin }).plugin).toMatchObject({
      name: plugin.name,
      breaking_policy: null,
    });
  });

  it('[PLUGINS][BREAKING]: a PUT that leaves it out returns it to the server default, as PUT does every field', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, { actions: [ping] });
    await send('PATCH', `/api/plugins/${plugin.slug}`, { json: { breaking_policy: 'warn' } });
    const put = await send('PUT', `/api/plugins/${plugin.slug}`, { json: { name: 'Again' } });
    expect((put.body as { plugin: Plugin }).plugin.breaking_policy).toBeNull();
  });
});
