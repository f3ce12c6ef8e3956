import { testRegistryDeps } from '@registry/core/test-support';
import {
  actionDefinition,
  insertPlugin,
  newTenantId,
  respondJson,
  startPluginServer,
} from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();
const newCaller = () => callerFor(deps, newTenantId());

describe('plugins router', () => {
  it('[TRPC][PLUGINS]: create stores a plugin with defaults; get reads it back', async () => {
    const caller = newCaller();
    const created = await caller.plugins.create({
      name: 'Email Automation Plugin',
      slug: 'email-automation',
      api_endpoint: 'http://127.0.0.1:9/base',
      config: { sender: 'shop@example.com' },
    });
    expect(created).toMatchObject({
      slug: 'email-automation',
      status: 'pending_verification', // until its endpoint answers the challenge
      webhook_url: null,
      events: [],
      config: { sender: 'shop@example.com' },
      metadata: {},
      registered_actions: { actions: [] },
      actions_count: 0,
      registered_at: null,
    });
    // The API key and signing secret are shown once, at creation; reading the plugin never
    // shows them again.
    const { api_key, signing_secret, ...plugin } = created;
    expect(api_key).toMatch(/^par_plugin_[\w-]{43}$/);
    expect(signing_secret).toMatch(/^whsec_/);
    expect(await caller.plugins.get({ slug: 'email-automation' })).toEqual(plugin);
  });

  it('[TRPC][PLUGINS]: list pages by slug until next_cursor is null, and filters by status', async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    const slugs = ['a-one', 'b-two', 'c-three', 'd-four', 'e-five'];
    for (const slug of slugs) {
      await insertPlugin(deps.db, tenantId, {
        slug,
        status: slug.startsWith('b') ? 'inactive' : 'active',
      });
    }
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.plugins.list({ limit: 2, cursor });
      pages.push(page.plugins.map((plugin) => plugin.slug));
      cursor = page.next_cursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([['a-one', 'b-two'], ['c-three', 'd-four'], ['e-five']]);

    const inactive = await caller.plugins.list({ status: 'inactive' });
    expect(inactive).toMatchObject({ plugins: [{ slug: 'b-two' }], next_cursor: null });
    expect((await caller.plugins.list()).plugins).toHaveLength(5);
    expect((await newCaller().plugins.list()).plugins).toEqual([]);
  });

  it('[TRPC][PLUGINS]: update changes only the given fields', async () => {
    const caller = newCaller();
    await caller.plugins.create({ name: 'Before', slug: 'mailer', events: ['order.created'] });
    const updated = await caller.plugins.update({
      slug: 'mailer',
      name: 'After',
      metadata: { v: 2 },
    });
    expect(updated).toMatchObject({ name: 'After', events: ['order.created'], metadata: { v: 2 } });
    expect(await caller.plugins.get({ slug: 'mailer' })).toEqual(updated);
  });

  it('[TRPC][PLUGINS]: an existing plugin is reachable by a slug the creation rules would refuse', async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    await insertPlugin(deps.db, tenantId, { slug: 'Legacy_Mailer' });
    const updated = await caller.plugins.update({ slug: 'Legacy_Mailer', name: 'Renamed' });
    expect(updated).toMatchObject({ slug: 'Legacy_Mailer', name: 'Renamed' });
    const status = await caller.plugins.setStatus({ slug: 'Legacy_Mailer', status: 'inactive' });
    expect(status.status).toBe('inactive');
  });

  it("[TRPC][PLUGINS]: setStatus inactive withdraws the plugin's actions from discovery", async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    await insertPlugin(deps.db, tenantId, { slug: 'mailer', actions: [actionDefinition('mail')] });
    const discover = async () =>
      (await caller.actions.discover({ plugin: 'mailer' })).actions.map((a) => a.action_type);
    expect(await discover()).toEqual(['mail']);

    const paused = await caller.plugins.setStatus({ slug: 'mailer', status: 'inactive' });
    expect(paused).toMatchObject({ status: 'inactive', actions_count: 1 });
    expect(await discover()).toEqual([]);
    await caller.plugins.setStatus({ slug: 'mailer', status: 'active' });
    expect(await discover()).toEqual(['mail']);
  });

  it('[TRPC][PLUGINS]: delete removes the plugin; the slug is then unknown', async () => {
    const caller = newCaller();
    await caller.plugins.create({ name: 'Doomed', slug: 'doomed' });
    expect(await caller.plugins.delete({ slug: 'doomed' })).toEqual({
      success: true,
      message: 'Plugin deleted: doomed',
    });
    await expectTrpcError(caller.plugins.get({ slug: 'doomed' }), 'NOT_FOUND', 'NOT_FOUND');
  });

  it('[TRPC][PLUGINS]: testConnectivity probes a real loopback plugin server', async () => {
    const server = await startPluginServer({
      '/up': respondJson(200, { ok: true }),
      '/down': respondJson(500, { error: 'boom' }),
    });
    try {
      const tenantId = newTenantId();
      const caller = callerFor(deps, tenantId);
      await insertPlugin(deps.db, tenantId, { slug: 'up', apiEndpoint: `${server.url}/up` });
      await insertPlugin(deps.db, tenantId, { slug: 'down', apiEndpoint: `${server.url}/down` });
      await insertPlugin(deps.db, tenantId, { slug: 'none' });

      const up = await caller.plugins.testConnectivity({ slug: 'up' });
      expect(up).toMatchObject({ success: true, status: 200, url: `${server.url}/up` });
      expect(up.latency_ms).toBeGreaterThanOrEqual(0);
      expect(await caller.plugins.testConnectivity({ slug: 'down' })).toMatchObject({
        success: false,
        status: 500,
      });
      expect(await caller.plugins.testConnectivity({ slug: 'none' })).toMatchObject({
        success: false,
        message: 'Plugin has no api_endpoint configured',
      });
      expect(server.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
        'GET /up',
        'GET /down',
      ]);
    } finally {
      await server.close();
    }
  });

  it('[TRPC][PLUGINS]: bad input is BAD_REQUEST naming each field; nothing is stored', async () => {
    const caller = newCaller();
    const { error, cause } = await expectTrpcError(
      caller.plugins.create({ name: 'x', slug: 'Bad Slug', api_endpoint: 'ftp://files.example' }),
      'BAD_REQUEST',
      'VALIDATION_ERROR',
    );
    expect(cause.issues?.map((issue) => issue.field)).toEqual(['slug', 'api_endpoint']);
    expect(error.message).toMatch(/^Invalid request: slug: .+; api_endpoint: must be an absolute/);
    expect((await caller.plugins.list()).plugins).toEqual([]);

    const reserved = await expectTrpcError(
      caller.plugins.create({ name: 'x', slug: 'actions' }),
      'BAD_REQUEST',
      'VALIDATION_ERROR',
    );
    expect(reserved.error.message).toContain('slug: is reserved');
    const missing = caller.plugins.setStatus({ slug: 'x' } as never);
    const status = await expectTrpcError(missing, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(status.cause.issues).toEqual([
      { field: 'status', message: expect.stringContaining('"active"|"inactive"') },
    ]);
  });

  it('[TRPC][PLUGINS]: an unknown slug is NOT_FOUND for every procedure naming one', async () => {
    const caller = newCaller();
    const calls = [
      () => caller.plugins.get({ slug: 'ghost' }),
      () => caller.plugins.update({ slug: 'ghost', name: 'x' }),
      () => caller.plugins.setStatus({ slug: 'ghost', status: 'active' }),
      () => caller.plugins.delete({ slug: 'ghost' }),
      () => caller.plugins.testConnectivity({ slug: 'ghost' }),
    ];
    for (const call of calls) {
      const { error } = await expectTrpcError(call(), 'NOT_FOUND', 'NOT_FOUND');
      expect(error.message).toBe('Plugin not found: ghost');
    }
  });

  it('[TRPC][PLUGINS]: a duplicate slug is CONFLICT within a tenant, not across tenants', async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    await caller.plugins.create({ name: 'First', slug: 'shared' });
    const { error } = await expectTrpcError(
      caller.plugins.create({ name: 'Second', slug: 'shared' }),
      'CONFLICT',
      'CONFLICT',
    );
    expect(error.message).toBe('A plugin with slug "shared" already exists');
    expect((await caller.plugins.get({ slug: 'shared' })).name).toBe('First');
    await expect(
      newCaller().plugins.create({ name: 'Other', slug: 'shared' }),
    ).resolves.toBeTruthy();
  });
});
