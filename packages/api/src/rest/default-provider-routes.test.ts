import { randomUUID } from 'node:crypto';
import { ZSetDefaultProviderResponseSchema } from '@registry/contracts';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  startPluginServer,
} from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });
const send = createRestClient(deps);

/**
 * Two plugins of the default tenant (which other test files share, hence a fresh action type),
 * each on a loopback server of its own, registering the same type: `first` before `second`.
 */
async function twoProviders() {
  const actionType = `notify_${randomUUID().slice(0, 8)}`;
  const provider = async (name: string) => {
    const server = await startPluginServer({ '/actions/notify': echo });
    onTestFinished(() => server.close());
    const slug = `${name}-${randomUUID().slice(0, 8)}`;
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      apiEndpoint: server.url,
      actions: [actionDefinition(actionType, { endpoint: '/actions/notify' })],
    });
    return { id: plugin.id, slug, server };
  };
  const first = await provider('first');
  const second = await provider('second');
  const dispatch = () =>
    send('POST', '/api/plugins/events/automation', {
      json: { events: [{ action_type: actionType, payload: {} }] },
    });
  const choose = (pluginId: string, call: { headers?: Record<string, string> } = {}) =>
    call.headers
      ? send('PUT', `/api/actions/${actionType}/default-provider`, {
          headers: { ...call.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ plugin_id: pluginId }),
        })
      : send('PUT', `/api/actions/${actionType}/default-provider`, {
          json: { plugin_id: pluginId },
        });
  return { actionType, first, second, dispatch, choose };
}

describe('PUT /api/actions/{action_type}/default-provider', () => {
  it('[REST][DEFAULT-PROVIDER]: an admin makes the second provider the default; it holds while that plugin registers the type', async () => {
    const { actionType, first, second, dispatch, choose } = await twoProviders();
    const catalog = async () => {
      const answer = await send('GET', `/api/plugins/actions?search=${actionType}`);
      const { actions } = answer.body as {
        actions: { plugin_slug: string; default_provider: boolean }[];
      };
      return actions.map((action) => `${action.plugin_slug}:${action.default_provider}`);
    };
    const before = await catalog();

    const chosen = await choose(second.id);
    const after = await catalog();
    const toSecond = await dispatch();
    // Dropping a type its callers just used is breaking: the plugin has to say it means it.
    const dropped = await send('POST', `/api/plugins/${second.slug}/register-actions`, {
      json: { actions: [actionDefinition('something_else')], allow_breaking: true },
    });
    const backToFirst = await dispatch();

    expect(chosen.status).toBe(200);
    expect(dropped.status).toBe(200);
    expect(ZSetDefaultProviderResponseSchema.strict().parse(chosen.body)).toEqual({
      success: true,
      message: `Default provider of ${actionType}: ${second.slug}`,
      action_type: actionType,
      plugin_id: second.id,
      plugin_slug: second.slug,
    });
    expect(before).toEqual([`${first.slug}:true`, `${second.slug}:false`]);
    expect(after).toEqual([`${first.slug}:false`, `${second.slug}:true`]);
    expect(toSecond.body).toMatchObject({ results: [{ success: true, plugin_id: second.id }] });
    expect(backToFirst.body).toMatchObject({ results: [{ success: true, plugin_id: first.id }] });
    expect(second.server.calls).toHaveLength(1);
    expect(first.server.calls).toHaveLength(1);
  });

  it("[REST][DEFAULT-PROVIDER]: a plugin key, even the plugin's own, is refused with 403 and changes nothing", async () => {
    const { second, dispatch, choose, first } = await twoProviders();
    const key = await send('POST', `/api/plugins/${second.slug}/rotate-key`);
    const apiKey = (key.body as { api_key: string }).api_key;

    const refused = await choose(second.id, { headers: { authorization: `Bearer ${apiKey}` } });

    expectRestError(refused, 403, 'FORBIDDEN');
    expect((await dispatch()).body).toMatchObject({
      results: [{ success: true, plugin_id: first.id }],
    });
  });

  it('[REST][DEFAULT-PROVIDER]: bad input is a 400 naming the field; a plugin that is not a provider is a 404', async () => {
    const { actionType, first } = await twoProviders();
    const elsewhere = await insertPlugin(deps.db, newTenantId(), {
      actions: [actionDefinition(actionType)],
    });
    const bystander = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      actions: [actionDefinition('something_else')],
    });
    const put = (type: string, json: unknown) =>
      send('PUT', `/api/actions/${type}/default-provider`, { json });
    const unknownId = randomUUID();

    const platform = expectRestError(
      await put('send_email', { plugin_id: first.id }),
      400,
      'VALIDATION_ERROR',
    );
    const badType = expectRestError(
      await put('Notify', { plugin_id: first.id }),
      400,
      'VALIDATION_ERROR',
    );
    const badId = expectRestError(
      await put(actionType, { plugin_id: 'x' }),
      400,
      'VALIDATION_ERROR',
    );
    const extra = expectRestError(
      await put(actionType, { plugin_id: first.id, action_type: 'other' }),
      400,
      'VALIDATION_ERROR',
    );
    const missing = expectRestError(
      await put(actionType, { plugin_id: unknownId }),
      404,
      'NOT_FOUND',
    );
    const foreign = expectRestError(
      await put(actionType, { plugin_id: elsewhere.id }),
      404,
      'NOT_FOUND',
    );
    const notProvider = expectRestError(
      await put(actionType, { plugin_id: bystander.id }),
      404,
      'NOT_FOUND',
    );

    expect(platform.issues).toEqual([
      {
        field: 'action_type',
        message:
          "send_email is a platform action: events without plugin_id always run the platform's",
      },
    ]);
    expect(badType.issues?.map((issue) => issue.field)).toEqual(['action_type']);
    expect(badId.issues?.map((issue) => issue.field)).toEqual(['plugin_id']);
    expect(extra.error).toContain('action_type');
    expect(missing.error).toBe(`Plugin not found: ${unknownId}`);
    expect(foreign.error).toBe(`Plugin not found: ${elsewhere.id}`);
    expect(notProvider.error).toBe(
      `Plugin action not found: ${actionType} for plugin ${bystander.id}`,
    );
  });
});
