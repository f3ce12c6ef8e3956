import { randomUUID } from 'node:crypto';
import { ZPluginSchema } from '@registry/contracts';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, insertPlugin } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
const stored = (slug: string) => getPlugin(deps, DEFAULT_TENANT_ID, slug);
const pluginOf = (body: unknown) => ZPluginSchema.parse((body as { plugin: unknown }).plugin);

describe('/api/plugins', () => {
  it('[REST][PLUGINS]: POST creates a plugin with defaults and answers 201', async () => {
    const slug = uniqueSlug('email-automation');
    const answer = await send('POST', '/api/plugins', {
      json: { name: 'Email Automation Plugin', slug, api_endpoint: 'http://127.0.0.1:9/base' },
    });

    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ success: true, message: `Plugin created: ${slug}` });
    expect(pluginOf(answer.body)).toMatchObject({
      slug,
      name: 'Email Automation Plugin',
      status: 'pending_verification', // until its endpoint answers the challenge
      api_endpoint: 'http://127.0.0.1:9/base',
      webhook_url: null,
      events: [],
      config: {},
      registered_actions: { actions: [] },
      actions_count: 0,
    });
    expect(pluginOf(answer.body)).not.toHaveProperty('api_key');
    expect((await stored(slug)).name).toBe('Email Automation Plugin');
  });

  it('[REST][PLUGINS]: POST of a taken slug is a 409 and keeps the first plugin', async () => {
    const slug = uniqueSlug('taken');
    await send('POST', '/api/plugins', { json: { name: 'First', slug } });
    const again = await send('POST', '/api/plugins', { json: { name: 'Second', slug } });
    const error = expectRestError(again, 409, 'CONFLICT');
    expect(error.error).toBe(`A plugin with slug "${slug}" already exists`);
    expect((await stored(slug)).name).toBe('First');
  });

  it('[REST][PLUGINS]: GET pages through every plugin by slug until next_cursor is null', async () => {
    const prefix = `page-${randomUUID().slice(0, 6)}`;
    const ours = [1, 2, 3, 4, 5].map((n) => `${prefix}-${n}`);
    for (const slug of ours) await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });

    const seen: string[] = [];
    let url: string | null = '/api/plugins?limit=3';
    while (url) {
      const answer = await send('GET', url);
      expect(answer.status).toBe(200);
      const body = answer.body as { plugins: { slug: string }[]; next_cursor: string | null };
      expect(body.plugins.length).toBeLessThanOrEqual(3);
      seen.push(...body.plugins.map((plugin) => plugin.slug));
      url = body.next_cursor ? `/api/plugins?limit=3&cursor=${body.next_cursor}` : null;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen.filter((slug) => slug.startsWith(prefix))).toEqual(ours);
  });

  it('[REST][PLUGINS]: GET ?status= filters, and an invalid ?limit= is a 400', async () => {
    const slug = uniqueSlug('dormant');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, status: 'inactive' });
    const inactive = await send('GET', '/api/plugins?status=inactive&limit=500');
    const plugins = (inactive.body as { plugins: { slug: string; status: string }[] }).plugins;
    expect(plugins.every((plugin) => plugin.status === 'inactive')).toBe(true);

    for (const limit of ['abc', '0', '501', '2.5', '-1']) {
      const answer = await send('GET', `/api/plugins?limit=${limit}`);
      const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
      expect(error.issues?.map((issue) => issue.field)).toEqual(['limit']);
      expect(error.error).toContain('limit: ');
    }
    const badStatus = await send('GET', '/api/plugins?status=paused');
    expect(expectRestError(badStatus, 400, 'VALIDATION_ERROR').error).toContain('status: ');
  });

  it('[REST][PLUGINS]: PUT and PATCH name the plugin by slug in the body', async () => {
    const slug = uniqueSlug('body-named');
    await send('POST', '/api/plugins', {
      json: { name: 'Before', slug, events: ['order.created'], config: { a: 1 } },
    });

    const patched = await send('PATCH', '/api/plugins', { json: { slug, status: 'inactive' } });
    expect(patched.body).toMatchObject({ success: true, message: `Plugin updated: ${slug}` });
    expect(pluginOf(patched.body)).toMatchObject({
      name: 'Before',
      status: 'inactive',
      events: ['order.created'],
      config: { a: 1 },
    });

    const put = await send('PUT', '/api/plugins', { json: { slug, name: 'After' } });
    expect(put.status).toBe(200);
    expect(pluginOf(put.body)).toMatchObject({
      name: 'After',
      status: 'active',
      events: [],
      config: {},
    });

    const missing = await send('PATCH', '/api/plugins', { json: { status: 'active' } });
    const error = expectRestError(missing, 400, 'VALIDATION_ERROR');
    expect(error.issues).toEqual([{ field: 'slug', message: 'is required' }]);
    const unknown = await send('PUT', '/api/plugins', {
      json: { slug: uniqueSlug('no'), name: 'x' },
    });
    expectRestError(unknown, 404, 'NOT_FOUND');
  });
});

describe('/api/plugins/{slug}', () => {
  it('[REST][PLUGINS]: GET answers { plugin } with its registered actions', async () => {
    const slug = uniqueSlug('reader');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('a1')] });
    const answer = await send('GET', `/api/plugins/${slug}`);
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body as object)).toEqual(['plugin']);
    expect(pluginOf(answer.body)).toMatchObject({ slug, actions_count: 1 });
  });

  it('[REST][PLUGINS]: PATCH changes only the given fields; PUT resets omitted ones', async () => {
    const slug = uniqueSlug('item');
    await send('POST', '/api/plugins', {
      json: { name: 'Item', slug, webhook_url: 'http://127.0.0.1:9/hook', metadata: { v: 1 } },
    });

    const patched = await send('PATCH', `/api/plugins/${slug}`, { json: { name: 'Renamed' } });
    expect(pluginOf(patched.body)).toMatchObject({
      name: 'Renamed',
      webhook_url: 'http://127.0.0.1:9/hook',
      metadata: { v: 1 },
    });
    const put = await send('PUT', `/api/plugins/${slug}`, { json: { name: 'Replaced' } });
    expect(pluginOf(put.body)).toMatchObject({ name: 'Replaced', webhook_url: null, metadata: {} });
    expect((await stored(slug)).name).toBe('Replaced');
  });

  it('[REST][PLUGINS]: invalid fields are a 400 naming each and change nothing', async () => {
    const slug = uniqueSlug('strict');
    await send('POST', '/api/plugins', { json: { name: 'Strict', slug } });
    const answer = await send('PATCH', `/api/plugins/${slug}`, {
      json: { name: 42, api_endpoint: 'ftp://files.example', status: 'paused', slug: 'other' },
    });
    const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
    expect(error.issues?.map((issue) => issue.field).sort()).toEqual([
      'api_endpoint',
      'body',
      'name',
      'status',
    ]);
    expect(error.issues).toContainEqual({
      field: 'name',
      message: 'expected string, received number 42',
    });
    expect(await stored(slug)).toMatchObject({ name: 'Strict', status: 'active' });
  });

  it('[REST][PLUGINS]: DELETE removes the plugin; then every route answers 404', async () => {
    const slug = uniqueSlug('doomed');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });
    const deleted = await send('DELETE', `/api/plugins/${slug}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ success: true, message: `Plugin deleted: ${slug}` });

    const message = `Plugin not found: ${slug}`;
    const afterwards = [
      await send('GET', `/api/plugins/${slug}`),
      await send('DELETE', `/api/plugins/${slug}`),
      await send('PATCH', `/api/plugins/${slug}`, { json: { name: 'x' } }),
      await send('PUT', `/api/plugins/${slug}`, { json: { name: 'x' } }),
      await send('GET', `/api/plugins/${slug}/test`),
      await send('POST', `/api/plugins/${slug}/register-actions`, { json: { actions: [] } }),
    ];
    for (const answer of afterwards) {
      expect(expectRestError(answer, 404, 'NOT_FOUND').error).toBe(message);
    }
  });
});
