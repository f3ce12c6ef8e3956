import { ZDispatchRequestSchema, ZRegisterActionsRequestSchema } from '@registry/contracts';
import { echo, insertPlugin, newTenantId, startPluginServer } from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { z } from 'zod';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { registerActions } from '../actions/register-actions';
import { parseInput } from '../errors/app-error';
import { dispatchEvents } from './dispatch-events';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });

/** The schema a plugin SDK sends: zod's own JSON Schema of the action's input. */
const orderSchema = z.toJSONSchema(
  z.object({
    sku: z.string(),
    quantity: z.number().int().min(1),
    gift: z.boolean().optional(),
    channel: z.enum(['web', 'store']).optional(),
    contact: z.object({ email: z.email() }).optional(),
  }),
  { io: 'input' },
);

/** A plugin on a real loopback server, registered through the registry like any plugin. */
async function orderPlugin(tenantId: string) {
  const server = await startPluginServer({ '/orders': echo, '/notes': echo });
  onTestFinished(() => server.close());
  const plugin = await insertPlugin(deps.db, tenantId, { apiEndpoint: server.url });
  const request = parseInput(ZRegisterActionsRequestSchema, {
    actions: [
      {
        action_type: 'place_order',
        title: 'Place order',
        endpoint: '/orders',
        input_schema: orderSchema,
      },
      { action_type: 'add_note', title: 'Add note', endpoint: '/notes', required_fields: ['text'] },
    ],
  });
  await registerActions(deps, tenantId, plugin.slug, request);
  return { server, plugin };
}

const dispatch = (tenantId: string, events: unknown[]) =>
  dispatchEvents(deps, tenantId, parseInput(ZDispatchRequestSchema, { events }));

describe('dispatchEvents: input schemas', () => {
  it('[DISPATCH][SCHEMA]: a wrong-typed field fails that event, named with what was expected and received; the plugin is not called', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await orderPlugin(tenant);
    const order = (payload: Record<string, unknown>) => ({
      action_type: 'place_order',
      plugin_id: plugin.id,
      payload,
    });

    const response = await dispatch(tenant, [
      order({ sku: 'A-1', quantity: 'three' }),
      order({ sku: 'A-1', quantity: 2.5 }),
      order({ sku: 'A-1', quantity: 1, channel: 'phone' }),
      order({ sku: 'A-1', quantity: 1, contact: { email: 'not-an-email' } }),
      order({ sku: 'A-1', quantity: 1, contact: {} }),
      order({ sku: 7, quantity: 0 }),
    ]);

    expect(server.calls).toHaveLength(0);
    expect(response.results.map((r) => !r.success && [r.error_code, r.attempts, r.error])).toEqual([
      [
        'INVALID_PAYLOAD',
        0,
        'Invalid payload for place_order: payload.quantity: expected integer, received "three"',
      ],
      [
        'INVALID_PAYLOAD',
        0,
        'Invalid payload for place_order: payload.quantity: expected integer, received number 2.5',
      ],
      [
        'INVALID_PAYLOAD',
        0,
        'Invalid payload for place_order: payload.channel: must be one of "web", "store", received "phone"',
      ],
      [
        'INVALID_PAYLOAD',
        0,
        'Invalid payload for place_order: payload.contact.email: must be a valid email, received "not-an-email"',
      ],
      ['INVALID_PAYLOAD', 0, 'Invalid payload for place_order: payload.contact.email: is required'],
      [
        'INVALID_PAYLOAD',
        0,
        'Invalid payload for place_order: payload.sku: expected string, received number 7',
      ],
    ]);
    const recorded = await deps.db.actionExecution.findMany({
      where: { tenantId: tenant },
      orderBy: { eventIndex: 'asc' },
    });
    expect(recorded.map((row) => [row.status, row.errorCode])).toEqual(
      Array.from({ length: 6 }, () => ['failed', 'INVALID_PAYLOAD']),
    );
  });

  it('[DISPATCH][SCHEMA]: a payload that fits reaches the plugin as sent, beside a failing one', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await orderPlugin(tenant);
    const good = {
      sku: 'A-1',
      quantity: 2,
      gift: false,
      channel: 'web',
      contact: { email: 'a@b.co' },
    };

    const response = await dispatch(tenant, [
      { action_type: 'place_order', plugin_id: plugin.id, payload: good },
      { action_type: 'place_order', plugin_id: plugin.id, payload: { sku: 'A-1', quantity: '2' } },
    ]);

    expect(response.results.map((r) => r.success)).toEqual([true, false]);
    expect(server.calls.map((call) => call.body)).toEqual([good]);
  });

  it('[DISPATCH][SCHEMA]: missing required fields keep their own error; field-list actions accept any type', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await orderPlugin(tenant);

    const response = await dispatch(tenant, [
      { action_type: 'place_order', plugin_id: plugin.id, payload: { quantity: 'x' } },
      { action_type: 'add_note', plugin_id: plugin.id, payload: { text: { any: ['shape', 1] } } },
    ]);

    expect(response.results.map((r) => (r.success ? 'ok' : [r.error_code, r.error]))).toEqual([
      ['MISSING_REQUIRED_FIELDS', 'Missing required field: sku for action place_order'],
      'ok',
    ]);
    expect(server.calls.map((call) => call.path)).toEqual(['/notes']);
  });

  it('[DISPATCH][SCHEMA]: a re-registered schema applies to the next dispatch', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await orderPlugin(tenant);
    const register = (quantity: z.ZodType) =>
      registerActions(
        deps,
        tenant,
        plugin.slug,
        parseInput(ZRegisterActionsRequestSchema, {
          actions: [
            {
              action_type: 'place_order',
              title: 'Place order',
              endpoint: '/orders',
              // zod's default (output) mode: undeclared fields are refused too.
              input_schema: z.toJSONSchema(z.object({ sku: z.string(), quantity })),
            },
          ],
        }),
      );
    const fire = async (payload: Record<string, unknown>) => {
      const [result] = (
        await dispatch(tenant, [{ action_type: 'place_order', plugin_id: plugin.id, payload }])
      ).results;
      return result?.success ? 'ok' : result?.error;
    };

    await register(z.number().int());
    expect(await fire({ sku: 'A', quantity: 2.5 })).toBe(
      'Invalid payload for place_order: payload.quantity: expected integer, received number 2.5',
    );
    await register(z.number());
    expect(await fire({ sku: 'A', quantity: 2.5 })).toBe('ok');
    expect(await fire({ sku: 'A', quantity: 1, note: 'hi' })).toBe(
      'Invalid payload for place_order: payload.note: is not a field of this action',
    );
    expect(server.calls).toHaveLength(1);
  });

  it('[DISPATCH][SCHEMA][REDOS]: a catastrophic pattern runs in linear time; lookaround is refused at registration', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await orderPlugin(tenant);
    const withPattern = (pattern: string) =>
      parseInput(ZRegisterActionsRequestSchema, {
        actions: [
          {
            action_type: 'tag_order',
            title: 'Tag order',
            endpoint: '/orders',
            input_schema: z.toJSONSchema(
              z.object({ tag: z.string().regex(new RegExp(pattern)), host: z.hostname() }),
              { io: 'input' },
            ),
          },
        ],
      });

    await expect(
      registerActions(deps, tenant, plugin.slug, withPattern('^(?!admin)[a-z]+$')),
    ).rejects.toMatchObject({
      code: 'VALIDATION_ERROR',
      message: expect.stringMatching(/actions\[0\]\.input_schema.*linear-time engine/),
    });
    await registerActions(deps, tenant, plugin.slug, withPattern('^(a+)+$'));
    // A backtracking engine needs about 2^40 steps for this payload: the event would never end.
    const [evil, fine] = (
      await dispatch(tenant, [
        {
          action_type: 'tag_order',
          plugin_id: plugin.id,
          payload: { tag: `${'a'.repeat(40)}!`, host: 'shop.example.com' },
        },
        {
          action_type: 'tag_order',
          plugin_id: plugin.id,
          payload: { tag: 'aaa', host: 'shop.example.com' },
        },
      ])
    ).results;
    expect(evil).toMatchObject({ success: false, error_code: 'INVALID_PAYLOAD' });
    expect(evil?.success === false && evil.error).toMatch(/payload\.tag: must be match/);
    // zod's own hostname pattern uses lookahead and still checks payloads.
    expect(fine).toMatchObject({ success: true });
    expect(server.calls).toHaveLength(1);
  });

  it('[DISPATCH][SCHEMA]: with a schema, null is a value: a nullable required field takes it, another names the type', async () => {
    const tenant = newTenantId();
    const { server, plugin } = await orderPlugin(tenant);
    await registerActions(
      deps,
      tenant,
      plugin.slug,
      parseInput(ZRegisterActionsRequestSchema, {
        actions: [
          {
            action_type: 'annotate',
            title: 'Annotate',
            endpoint: '/notes',
            input_schema: z.toJSONSchema(
              z.object({ note: z.string().nullable(), sku: z.string() }),
              { io: 'input' },
            ),
          },
        ],
      }),
    );
    const annotate = (payload: Record<string, unknown>) => ({
      action_type: 'annotate',
      plugin_id: plugin.id,
      payload,
    });

    const [cleared, wrong, missing] = (
      await dispatch(tenant, [
        annotate({ note: null, sku: 'A' }),
        annotate({ note: 'x', sku: null }),
        annotate({ note: 'x' }),
      ])
    ).results;

    expect(cleared).toMatchObject({ success: true });
    expect(wrong).toMatchObject({
      success: false,
      error_code: 'INVALID_PAYLOAD',
      error: expect.stringContaining('payload.sku: expected string, received null'),
    });
    expect(missing).toMatchObject({ success: false, error_code: 'MISSING_REQUIRED_FIELDS' });
    expect(server.calls.map((call) => call.body)).toEqual([{ note: null, sku: 'A' }]);
  });
});
