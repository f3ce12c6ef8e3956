import { randomUUID } from 'node:crypto';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor, expectTrpcError } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
const send = createRestClient(deps);

const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const inputSchema = z.toJSONSchema(
  z.object({
    email: z.email(),
    count: z.number().int().min(1).default(1).describe('How many to send'),
    kind: z.enum(['a', 'b']).optional(),
    tags: z.array(z.string()).optional(),
  }),
);
const typedAction = {
  action_type: 'send_typed',
  title: 'Send typed',
  endpoint: '/send-typed',
  input_schema: inputSchema,
};

const badSchemas: Array<[unknown, string, string]> = [
  [
    { ...typedAction, input_schema: { type: 'object', properties: { email: { type: 'text' } } } },
    'actions[0].input_schema.properties.email.type',
    'must be one of "string", "number"',
  ],
  [
    { ...typedAction, input_schema: { type: 'array', properties: {} } },
    'actions[0].input_schema.type',
    'must be "object"',
  ],
  [
    { ...typedAction, required_fields: ['email'] },
    'actions[0].required_fields',
    'must list the same fields as input_schema (["email","count"])',
  ],
  [
    {
      ...typedAction,
      input_schema: { type: 'object', properties: { a: { $ref: '#/$defs/none' } } },
    },
    'actions[0].input_schema',
    "can't resolve reference #/$defs/none",
  ],
];

describe('input_schema through REST', () => {
  it('[REST][REGISTER]: a schema from z.toJSONSchema registers; discovery answers it with the derived fields', async () => {
    const slug = uniqueSlug('typed');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });

    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions: [typedAction, actionDefinition('plain')] },
    });
    expect(answer.status).toBe(200);

    const found = await send('GET', `/api/plugins/actions?plugin=${slug}`);
    const actions = (found.body as { actions: Record<string, unknown>[] }).actions;
    expect(actions[0]).toMatchObject({
      action_type: 'send_typed',
      required_fields: ['email', 'count'],
      optional_fields: ['kind', 'tags'],
      input_schema: inputSchema,
    });
    // An action registered with field lists only answers exactly as before: no schema key.
    expect(actions[1]).not.toHaveProperty('input_schema');
  });

  it.each(badSchemas)(
    '[REST][REGISTER]: a bad input_schema is a 400 naming %#, and the stored set stays',
    async (action, field, message) => {
      const slug = uniqueSlug('keeper');
      await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('kept')] });

      const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
        json: { actions: [action] },
      });

      const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
      expect(error.issues?.map((issue) => issue.field)).toEqual([field]);
      expect(error.error).toContain(`${field}: ${message}`);
      const stored = await getPlugin(deps, DEFAULT_TENANT_ID, slug);
      expect(stored.registered_actions.actions.map((a) => a.action_type)).toEqual(['kept']);
    },
  );
});

describe('input_schema through tRPC', () => {
  it('[TRPC][ACTIONS]: register, discover and get answer the schema', async () => {
    const tenantId = newTenantId();
    const plugin = await insertPlugin(deps.db, tenantId, { slug: 'typed' });
    const caller = callerFor(deps, tenantId);

    const registered = await caller.actions.register({ slug: 'typed', actions: [typedAction] });
    expect(registered.actions[0]?.input_schema).toEqual(inputSchema);

    const { actions } = await caller.actions.discover({ plugin: 'typed' });
    expect(actions.map((a) => a.input_schema)).toEqual([inputSchema]);
    const one = await caller.actions.get({ action_type: 'send_typed', plugin_id: plugin.id });
    expect(one).toMatchObject({ required_fields: ['email', 'count'], input_schema: inputSchema });
  });

  it.each(badSchemas)(
    '[TRPC][ACTIONS]: a bad input_schema is BAD_REQUEST naming %#, and nothing changes',
    async (action, field, message) => {
      const tenantId = newTenantId();
      await insertPlugin(deps.db, tenantId, {
        slug: 'keeper',
        actions: [actionDefinition('kept')],
      });
      const caller = callerFor(deps, tenantId);

      const { cause } = await expectTrpcError(
        caller.actions.register({ slug: 'keeper', actions: [action as never] }),
        'BAD_REQUEST',
        'VALIDATION_ERROR',
      );
      expect(cause.issues?.map((issue) => issue.field)).toEqual([field]);
      expect(cause.message).toContain(`${field}: ${message}`);
      const stored = await caller.plugins.get({ slug: 'keeper' });
      expect(stored.registered_actions.actions.map((a) => a.action_type)).toEqual(['kept']);
    },
  );
});
