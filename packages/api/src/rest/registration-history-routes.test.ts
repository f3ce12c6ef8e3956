import { type InputSchema, ZRegistrationHistorySchema } from '@registry/contracts';
import { createAdminToken } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../test/support/api-server';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor, expectTrpcError } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
let server: ApiServer;
let send: ReturnType<typeof createRestClient>;

beforeAll(async () => {
  server = await startApiServer(deps);
  send = createRestClient(deps, { baseUrl: server.url });
});
afterAll(() => server.close());

const amountSchema = (maximum: number): InputSchema => ({
  type: 'object',
  properties: { amount: { type: 'number', maximum }, note: { type: 'string' } },
  required: ['amount'],
});

describe('registration history', () => {
  it('[PLUGINS][REGISTRATIONS]: each accepted registration is a numbered revision with its set, credential and diff', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID);
    const path = `/api/plugins/${plugin.slug}`;
    const first = [
      actionDefinition('refund', { required_fields: ['amount'], input_schema: amountSchema(100) }),
      actionDefinition('ping'),
    ];
    const firstAnswer = await send('POST', `${path}/register-actions`, {
      json: { actions: first },
    });
    expect(firstAnswer.status).toBe(200);
    expect(firstAnswer.body).toMatchObject({ revision: 1 });

    const key = await send('POST', `${path}/rotate-key`);
    const apiKey = (key.body as { api_key: string }).api_key;
    const second = [
      actionDefinition('refund', {
        required_fields: ['amount'],
        input_schema: amountSchema(50),
        title: 'Refund',
      }),
      actionDefinition('charge'),
    ];
    const secondAnswer = await send('POST', `${path}/register-actions`, {
      body: JSON.stringify({ actions: second }),
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
    });
    expect(secondAnswer.status).toBe(200);
    expect(secondAnswer.body).toMatchObject({ revision: 2 });

    const listed = await send('GET', `${path}/registrations`);
    expect(listed.status).toBe(200);
    const history = ZRegistrationHistorySchema.parse(listed.body);
    expect(history.registrations.map((r) => [r.revision, r.credential])).toEqual([
      [2, `plugin:${plugin.slug}`],
      [1, expect.stringMatching(/^token:/)],
    ]);
    const [latest, earliest] = history.registrations;
    expect(earliest?.diff).toEqual({
      added: ['refund', 'ping'],
      removed: [],
      changed: [],
      breaking_changes: [],
    });
    expect(earliest?.breaking).toBe(false);
    // Breaking, but nobody called these actions: accepted, reported and marked.
    expect(latest?.breaking).toBe(true);
    expect(latest?.diff.breaking_changes.map((c) => [c.action_type, c.change, c.path])).toEqual([
      ['refund', 'schema_narrowed', 'input_schema.properties.amount'],
      ['ping', 'action_removed', ''],
    ]);
    expect((secondAnswer.body as { breaking_changes: unknown }).breaking_changes).toEqual(
      latest?.diff.breaking_changes,
    );
    expect(latest?.actions.map((a) => a.action_type)).toEqual(['refund', 'charge']);
    expect(latest?.diff.added).toEqual(['charge']);
    expect(latest?.diff.removed).toEqual(['ping']);
    expect(latest?.diff.changed).toEqual([
      {
        action_type: 'refund',
        changes: expect.arrayContaining([
          { path: 'title', change: 'changed', before: 'Title of refund', after: 'Refund' },
          {
            path: 'input_schema.properties.amount.maximum',
            change: 'changed',
            before: 100,
            after: 50,
          },
        ]),
      },
    ]);
    expect(latest?.diff.changed[0]?.changes).toHaveLength(2);
    expect(Date.parse(latest?.registered_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(earliest?.registered_at ?? ''),
    );
  });

  it('[PLUGINS][REGISTRATIONS]: a refused registration adds no revision', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID);
    const refused = await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
      json: { actions: [{ action_type: 'Bad Type' }] },
    });
    expectRestError(refused, 400, 'VALIDATION_ERROR');
    const listed = await send('GET', `/api/plugins/${plugin.slug}/registrations`);
    expect(listed.body).toEqual({ plugin_slug: plugin.slug, registrations: [] });
  });

  it("[PLUGINS][REGISTRATIONS]: another tenant's admin cannot list a plugin's revisions, nor its own plugin key", async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID);
    await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
      json: { actions: [actionDefinition('ping')] },
    });
    const stranger = await createAdminToken(deps, newTenantId(), 'stranger');
    expectRestError(
      await send('GET', `/api/plugins/${plugin.slug}/registrations`, {
        headers: { authorization: `Bearer ${stranger.token}` },
      }),
      404,
      'NOT_FOUND',
    );
    const key = await send('POST', `/api/plugins/${plugin.slug}/rotate-key`);
    expectRestError(
      await send('GET', `/api/plugins/${plugin.slug}/registrations`, {
        headers: { authorization: `Bearer ${(key.body as { api_key: string }).api_key}` },
      }),
      403,
      'FORBIDDEN',
    );
    expectRestError(
      await send('GET', `/api/plugins/${plugin.slug}/registrations`, { anonymous: true }),
      401,
      'UNAUTHORIZED',
    );
  });

  it('[TRPC][PLUGINS]: plugins.registrations lists the same revisions, tenant-scoped', async () => {
    const tenantId = newTenantId();
    const plugin = await insertPlugin(deps.db, tenantId);
    const caller = callerFor(deps, tenantId);
    await caller.actions.register({ slug: plugin.slug, actions: [actionDefinition('ping')] });
    await caller.actions.register({ slug: plugin.slug, actions: [] });
    const history = await caller.plugins.registrations({ slug: plugin.slug });
    expect(history.registrations.map((r) => [r.revision, r.credential, r.diff.removed])).toEqual([
      [2, 'token', ['ping']],
      [1, 'token', []],
    ]);
    await expectTrpcError(
      callerFor(deps, newTenantId()).plugins.registrations({ slug: plugin.slug }),
      'NOT_FOUND',
      'NOT_FOUND',
    );
  });
});
