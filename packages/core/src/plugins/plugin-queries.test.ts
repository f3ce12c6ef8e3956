import {
  ZCreatePluginRequestSchema,
  ZDispatchRequestSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZUpdatePluginFieldsSchema,
} from '@registry/contracts';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  startPluginServer,
} from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { dispatchEvents } from '../dispatch/dispatch-events';
import { parseInput } from '../errors/app-error';
import {
  createPlugin,
  deletePlugin,
  getPlugin,
  listPlugins,
  patchPlugin,
  replacePlugin,
  setPluginStatus,
} from './plugin-queries';

const deps = testRegistryDeps();

const create = (tenantId: string, body: Record<string, unknown>) =>
  createPlugin(deps, tenantId, parseInput(ZCreatePluginRequestSchema, body));
const list = (tenantId: string, query: Record<string, unknown> = {}) =>
  listPlugins(deps, tenantId, parseInput(ZListPluginsQuerySchema, query));

describe('plugin queries', () => {
  it('[PLUGINS][CREATE]: creates a plugin with defaults and never shows its api_key or signing secret', async () => {
    const tenant = newTenantId();
    const plugin = await create(tenant, {
      name: 'Email Automation',
      slug: 'email-automation',
      api_endpoint: 'http://127.0.0.1:5180/email-automation',
    });

    expect(plugin).toMatchObject({
      slug: 'email-automation',
      // Active once its endpoint answers the ownership challenge (plugin-activation.test.ts).
      status: 'pending_verification',
      endpoint_verification: { verified: false, verified_at: null, checked_at: null },
      api_endpoint: 'http://127.0.0.1:5180/email-automation',
      webhook_url: null,
      events: [],
      config: {},
      registered_actions: { actions: [] },
      actions_count: 0,
      registered_at: null,
    });
    await deps.db.plugin.update({ where: { id: plugin.id }, data: { apiKey: 'secret' } });
    expect(plugin.signing_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const shown = await getPlugin(deps, tenant, 'email-automation');
    const listed = await list(tenant);
    expect(JSON.stringify(shown)).not.toContain('secret');
    expect(JSON.stringify(listed)).not.toContain('whsec_');
  });

  it('[PLUGINS][CREATE]: a duplicate slug is a CONFLICT, but another tenant may use it', async () => {
    const tenant = newTenantId();
    await create(tenant, { name: 'One', slug: 'dup' });
    await expect(create(tenant, { name: 'Two', slug: 'dup' })).rejects.toMatchObject({
      code: 'CONFLICT',
      httpStatus: 409,
      message: 'A plugin with slug "dup" already exists',
    });
    await expect(create(newTenantId(), { name: 'Two', slug: 'dup' })).resolves.toMatchObject({
      slug: 'dup',
    });
    expect((await list(tenant)).plugins.map((p) => p.name)).toEqual(['One']);
  });

  it('[PLUGINS][UPDATE]: patch changes only the given fields and keeps the registered actions', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, {
      slug: 'keeper',
      apiEndpoint: 'http://127.0.0.1:1/base',
      actions: [actionDefinition('kept')],
    });

    const patched = await patchPlugin(
      deps,
      tenant,
      'keeper',
      parseInput(ZPatchPluginFieldsSchema, { name: 'Renamed', config: { retries: 2 } }),
    );

    expect(patched).toMatchObject({
      name: 'Renamed',
      api_endpoint: 'http://127.0.0.1:1/base',
      config: { retries: 2 },
      actions_count: 1,
    });
  });

  it('[PLUGINS][UPDATE]: replace resets omitted fields to their defaults', async () => {
    const tenant = newTenantId();
    await create(tenant, {
      name: 'Full',
      slug: 'full',
      api_endpoint: 'http://127.0.0.1:1/x',
      events: ['order.created'],
      config: { a: 1 },
    });

    const replaced = await replacePlugin(
      deps,
      tenant,
      'full',
      parseInput(ZUpdatePluginFieldsSchema, { name: 'Bare' }),
    );

    expect(replaced).toMatchObject({
      name: 'Bare',
      status: 'active',
      api_endpoint: null,
      events: [],
      config: {},
    });
  });

  it("[PLUGINS][UPDATE]: updating an unknown or another tenant's slug is NOT_FOUND", async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, newTenantId(), { slug: 'foreign' });
    await expect(
      patchPlugin(deps, tenant, 'foreign', parseInput(ZPatchPluginFieldsSchema, { name: 'Mine' })),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'Plugin not found: foreign' });
    await expect(setPluginStatus(deps, tenant, 'foreign', 'inactive')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(deletePlugin(deps, tenant, 'foreign')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('[PLUGINS][DELETE]: deleting a plugin keeps its executions, which still name its slug', async () => {
    const tenant = newTenantId();
    const server = await startPluginServer({ '/actions/track': echo });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, tenant, {
      slug: 'short-lived',
      apiEndpoint: server.url,
      actions: [actionDefinition('track')],
    });
    const request = parseInput(ZDispatchRequestSchema, {
      events: [{ action_type: 'track', plugin_id: plugin.id, payload: { n: 1 } }],
    });
    const { results } = await dispatchEvents(deps, tenant, request);

    await deletePlugin(deps, tenant, 'short-lived');

    await expect(getPlugin(deps, tenant, 'short-lived')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const rows = await deps.db.actionExecution.findMany({ where: { tenantId: tenant } });
    expect(rows.map((row) => [row.id, row.status, row.pluginId, row.pluginSlug])).toEqual([
      [results[0]?.execution_id, 'succeeded', null, 'short-lived'],
    ]);
  });

  it('[PLUGINS][LIST]: pages by slug with next_cursor until the last page', async () => {
    const tenant = newTenantId();
    for (const slug of ['p-c', 'p-a', 'p-e', 'p-b', 'p-d']) {
      const status = { 'p-d': 'inactive', 'p-b': 'pending_verification' }[slug] ?? 'active';
      await insertPlugin(deps.db, tenant, { slug, status });
    }
    await insertPlugin(deps.db, newTenantId(), { slug: 'p-0' });

    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await list(tenant, { limit: 2, ...(cursor ? { cursor } : {}) });
      pages.push(page.plugins.map((p) => p.slug));
      cursor = page.next_cursor ?? undefined;
      if (cursor) expect(cursor).toBe(page.plugins.at(-1)?.slug);
    } while (cursor);

    expect(pages).toEqual([['p-a', 'p-b'], ['p-c', 'p-d'], ['p-e']]);
    const exact = await list(tenant, { limit: 5 });
    expect(exact.next_cursor).toBeNull();
    const inactive = await list(tenant, { status: 'inactive' });
    expect(inactive.plugins.map((p) => p.slug)).toEqual(['p-d']);
    const pending = await list(tenant, { status: 'pending_verification' });
    expect(pending.plugins.map((p) => p.slug)).toEqual(['p-b']);
  });

  it('[PLUGINS][LIST]: searches name or slug, case-insensitively, with the status filter and paging', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, { slug: 'mailer', name: 'Email Sender' });
    await insertPlugin(deps.db, tenant, { slug: 'crm-sync', name: 'CRM Mail Sync' });
    await insertPlugin(deps.db, tenant, { slug: 'sms', name: 'SMS', status: 'inactive' });
    await insertPlugin(deps.db, tenant, {
      slug: 'mail-archive',
      name: 'Archive',
      status: 'inactive',
    });
    await insertPlugin(deps.db, newTenantId(), { slug: 'mail-elsewhere' });
    const slugs = async (query: Record<string, unknown>) =>
      (await list(tenant, query)).plugins.map((p) => p.slug);

    expect(await slugs({ search: ' MAIL ' })).toEqual(['crm-sync', 'mail-archive', 'mailer']);
    expect(await slugs({ search: 'sender' })).toEqual(['mailer']);
    expect(await slugs({ search: 'mail', status: 'inactive' })).toEqual(['mail-archive']);
    expect(await slugs({ search: '%' })).toEqual([]);
    expect(await slugs({ search: 'crm_' })).toEqual([]);
    expect(await slugs({ search: '' })).toHaveLength(4);
    const first = await list(tenant, { search: 'mail', limit: 2 });
    expect(first.next_cursor).toBe('mail-archive');
    expect(await slugs({ search: 'mail', cursor: first.next_cursor })).toEqual(['mailer']);
    expect(() => parseInput(ZListPluginsQuerySchema, { search: 'x'.repeat(65) })).toThrow(/search/);
  });
});
