import { randomUUID } from 'node:crypto';
import { createAdminToken, getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  respondJson,
  startPluginServer,
} from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor } from '../../test/support/trpc-caller';
import { createRestRouter } from '.';

const deps = testRegistryDeps();
const send = createRestClient(deps);

const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const outputSchema = z.toJSONSchema(
  z.object({ order_id: z.string(), total: z.number().min(0) }),
) as Record<string, unknown>;
const typedAction = {
  ...actionDefinition('place_order'),
  output_schema: outputSchema,
  output_example: { order_id: 'o_1', total: 12.5 },
  read_only: false,
  destructive: false,
  idempotent: true,
};

const badOutputs: Array<[Record<string, unknown>, string, string]> = [
  [{ output_schema: { type: 'array' } }, 'actions[0].output_schema.type', 'must be "object"'],
  [
    { output_schema: { type: 'object', properties: { id: { type: 'string', pattern: '(?=a)' } } } },
    'actions[0].output_schema',
    'pattern "(?=a)" is not supported (patterns run on a linear-time engine',
  ],
  [
    { output_example: { order_id: 7, total: 1 } },
    'actions[0].output_example.order_id',
    'expected string, received number 7 (it must fit output_schema)',
  ],
  [{ destructive: 'no' }, 'actions[0].destructive', 'expected boolean'],
];

describe('output_schema and hints through REST', () => {
  it('[REST][REGISTER]: an output schema, example and hints register; discovery answers them', async () => {
    const slug = uniqueSlug('typed-out');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });

    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions: [typedAction, actionDefinition('plain')] },
    });
    expect(answer.status).toBe(200);

    const found = await send('GET', `/api/plugins/actions?plugin=${slug}`);
    const [typed, plain] = (found.body as { actions: Record<string, unknown>[] }).actions;
    expect(typed).toMatchObject({
      output_schema: outputSchema,
      output_example: { order_id: 'o_1', total: 12.5 },
      read_only: false,
      destructive: false,
      idempotent: true,
    });
    // Hints left out stay unknown: absent, not false.
    for (const key of ['output_schema', 'read_only', 'destructive', 'idempotent']) {
      expect(plain).not.toHaveProperty(key);
    }
  });

  it.each(badOutputs)(
    '[REST][REGISTER]: a bad output declaration is a 400 naming %#, and the stored set stays',
    async (change, field, message) => {
      const slug = uniqueSlug('keeper');
      await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('kept')] });

      const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
        json: { actions: [{ ...typedAction, ...change }] },
      });

      const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
      expect(error.issues?.map((issue) => issue.field)).toEqual([field]);
      expect(error.error).toContain(`${field}: ${message}`);
      const stored = await getPlugin(deps, DEFAULT_TENANT_ID, slug);
      expect(stored.registered_actions.actions.map((a) => a.action_type)).toEqual(['kept']);
    },
  );
});

describe('output_mismatch', () => {
  it('[DISPATCH][OUTPUT]: an answer that breaks output_schema succeeds, and is recorded, answered and counted as a mismatch', async () => {
    const slug = uniqueSlug('sloppy');
    const server = await startPluginServer({
      '/actions/place-order': respondJson(200, { order_id: 42, total: 3 }),
      '/actions/fits': respondJson(200, { order_id: 'o_2', total: 3 }),
    });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      apiEndpoint: server.url,
      actions: [
        { ...typedAction, output_schema: typedAction.output_schema as never },
        { ...actionDefinition('fits'), output_schema: typedAction.output_schema as never },
      ],
    });

    const dispatched = await send('POST', '/api/plugins/events/automation', {
      json: {
        events: [
          { action_type: 'place_order', plugin_id: plugin.id },
          { action_type: 'fits', plugin_id: plugin.id },
        ],
      },
    });
    expect(dispatched.status).toBe(200);
    const [mismatched, fitting] = (dispatched.body as { results: Record<string, unknown>[] })
      .results;
    const issue = { field: 'result.order_id', message: 'expected string, received number 42' };
    expect(mismatched).toMatchObject({
      success: true,
      status: 'succeeded',
      result: { order_id: 42, total: 3 },
      output_mismatch: [issue],
    });
    expect(fitting).toMatchObject({ success: true });
    expect(fitting).not.toHaveProperty('output_mismatch');

    const history = await send('GET', `/api/executions?plugin_id=${plugin.id}`);
    const items = (history.body as { items: Record<string, unknown>[] }).items;
    const byType = Object.fromEntries(items.map((item) => [item.action_type, item]));
    expect(byType.place_order).toMatchObject({
      status: 'succeeded',
      output_mismatch: [issue],
      source: 'rest',
    });
    expect(byType.fits).toMatchObject({ output_mismatch: null, source: 'rest' });

    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'metrics scraper');
    const scrape = (await createRestRouter(deps)(
      new Request('http://localhost/api/metrics', {
        headers: { authorization: `Bearer ${token}` },
      }),
    )) as Response;
    expect(await scrape.text()).toContain(
      `registry_output_mismatches_total{action_type="place_order",plugin="${slug}"} 1`,
    );
  });

  it('[DISPATCH][OUTPUT]: a replayed key answers the recorded mismatch; tRPC dispatch is recorded as trpc', async () => {
    const tenantId = newTenantId();
    const server = await startPluginServer({
      '/actions/place-order': respondJson(200, { total: -1 }),
    });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, tenantId, {
      slug: 'sloppy',
      apiEndpoint: server.url,
      actions: [{ ...typedAction, output_schema: typedAction.output_schema as never }],
    });
    const caller = callerFor(deps, tenantId);
    const event = { action_type: 'place_order', plugin_id: plugin.id, idempotency_key: 'once' };

    const first = await caller.automation.dispatch({ events: [event] });
    const again = await caller.automation.dispatch({ events: [event] });

    const mismatch = [{ field: 'result.order_id', message: 'is required' }];
    expect(first.results[0]).toMatchObject({ success: true, output_mismatch: mismatch });
    expect(again.results[0]).toMatchObject({ replayed: true, output_mismatch: mismatch });
    expect(server.calls).toHaveLength(1);
    const { items } = await caller.executions.list({ plugin_id: plugin.id });
    expect(items).toMatchObject([{ source: 'trpc', output_mismatch: mismatch }]);
  });
});
