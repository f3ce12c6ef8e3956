import type { DiscoveredAction, DispatchResponse } from '@registry/contracts';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, startPluginServer } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../test/support/api-server';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
let server: ApiServer;
let plugins: Awaited<ReturnType<typeof startPluginServer>>;
let send: ReturnType<typeof createRestClient>;

beforeAll(async () => {
  server = await startApiServer(deps);
  plugins = await startPluginServer({ '/actions/refund': echo, '/actions/refund-v2': echo });
  send = createRestClient(deps, { baseUrl: server.url });
});
afterAll(async () => {
  await server.close();
  await plugins.close();
});

/** A plugin whose `refund` is deprecated in favour of `refund_v2`. */
async function pluginWithDeprecatedAction() {
  const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, { apiEndpoint: plugins.url });
  const answer = await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
    json: {
      actions: [
        actionDefinition('refund', {
          deprecated: true,
          replaced_by: 'refund_v2',
          sunset: '2027-06-30',
        }),
        actionDefinition('refund_v2'),
      ],
    },
  });
  expect(answer.status).toBe(200);
  return plugin;
}

describe('deprecated actions', () => {
  it('[ACTIONS][DEPRECATED]: discovery shows deprecation; include_deprecated=false hides the action', async () => {
    const plugin = await pluginWithDeprecatedAction();
    const listed = async (query: string) => {
      const answer = await send('GET', `/api/plugins/actions?plugin=${plugin.slug}${query}`);
      expect(answer.status).toBe(200);
      return (answer.body as { actions: DiscoveredAction[] }).actions;
    };

    const all = await listed('');
    const current = await listed('&include_deprecated=false');

    expect(all.map((a) => [a.action_type, a.deprecated, a.replaced_by, a.sunset])).toEqual([
      ['refund', true, 'refund_v2', '2027-06-30'],
      ['refund_v2', undefined, undefined, undefined],
    ]);
    expect(current.map((a) => a.action_type)).toEqual(['refund_v2']);
    expect((await listed('&include_deprecated=true')).map((a) => a.action_type)).toEqual([
      'refund',
      'refund_v2',
    ]);
    const viaTrpc = await callerFor(deps, DEFAULT_TENANT_ID).actions.discover({
      plugin: plugin.slug,
      include_deprecated: false,
    });
    expect(viaTrpc.actions.map((a) => a.action_type)).toEqual(['refund_v2']);
  });

  it('[DISPATCH][DEPRECATED]: a deprecated action still runs, and its result carries a warning', async () => {
    const plugin = await pluginWithDeprecatedAction();
    const answer = await send('POST', '/api/plugins/events/automation', {
      json: {
        events: [
          { action_type: 'refund', plugin_id: plugin.id, payload: {} },
          { action_type: 'refund_v2', plugin_id: plugin.id, payload: {} },
        ],
      },
    });
    const [old, current] = (answer.body as DispatchResponse).results;
    expect(old).toMatchObject({ success: true });
    expect(old?.warnings).toEqual([
      {
        code: 'ACTION_DEPRECATED',
        message:
          'Action refund is deprecated; use refund_v2 instead. It may be removed after 2027-06-30.',
        replaced_by: 'refund_v2',
        sunset: '2027-06-30',
      },
    ]);
    expect(current).toMatchObject({ success: true });
    expect(current).not.toHaveProperty('warnings');
  });

  it('[ACTIONS][DEPRECATED]: a sunset that is not a date, or include_deprecated that is not a boolean, is a 400 naming it', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID);
    const badSunset = await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
      json: { actions: [actionDefinition('refund', { deprecated: true, sunset: 'soon' })] },
    });
    expect(expectRestError(badSunset, 400, 'VALIDATION_ERROR').issues).toEqual([
      { field: 'actions[0].sunset', message: expect.stringMatching(/date like 2027-06-30/) },
    ]);
    const badFlag = await send('GET', '/api/plugins/actions?include_deprecated=maybe');
    expect(expectRestError(badFlag, 400, 'VALIDATION_ERROR').issues?.[0]?.field).toBe(
      'include_deprecated',
    );
  });
});
