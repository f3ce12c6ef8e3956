import {
  createAdminToken,
  createPlugin,
  createRegistryDeps,
  type RegistryDeps,
} from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { createTestDatabase, type TestDatabase } from '@registry/db/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestRoutes } from '../rest';
import { pluginInput } from './auth-fixtures';

/**
 * Protected local mode, on a database of its own (it depends on no admin token existing at
 * all): loopback without credentials works only while nothing is configured.
 */
let database: TestDatabase;
const opened: RegistryDeps[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  for (const deps of opened) await deps.db.$disconnect();
  await database.close();
});

function registry(env: Record<string, string> = {}) {
  const deps = createRegistryDeps({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  opened.push(deps);
  const routes = createRestRoutes(deps);
  const listPlugins = async (headers: Record<string, string> = {}) =>
    (
      await routes['/api/plugins'].GET(
        new Request('http://localhost:5173/api/plugins', { headers }),
        {},
      )
    ).status;
  return { deps, routes, listPlugins };
}

describe('protected local mode', () => {
  it('[AUTH][LOCAL]: loopback without credentials acts as admin while nothing is configured', async () => {
    const { listPlugins } = registry({ REGISTRY_LISTEN_HOST: '127.0.0.1' });
    expect(await listPlugins()).toBe(200);
    expect(await listPlugins({ 'x-forwarded-for': '127.0.0.1' })).toBe(200);
    expect(await listPlugins({ 'x-forwarded-for': '::ffff:127.0.0.1' })).toBe(200);
  });

  it('[AUTH][LOCAL]: forwarded, rebinding and cross-site requests are not local', async () => {
    const { routes } = registry({ REGISTRY_LISTEN_HOST: '127.0.0.1' });
    const status = async (url: string, headers: Record<string, string>) =>
      (await routes['/api/plugins'].GET(new Request(url, { headers }), {})).status;
    const local = 'http://localhost:5173/api/plugins';
    expect(await status(local, { 'x-forwarded-for': '203.0.113.5' })).toBe(401);
    expect(await status(local, { 'x-forwarded-for': '203.0.113.5, 127.0.0.1' })).toBe(401);
    expect(await status('http://evil.example:5173/api/plugins', {})).toBe(401);
    expect(await status(local, { origin: 'http://evil.example' })).toBe(401);
    expect(await status(local, { 'sec-fetch-site': 'cross-site' })).toBe(401);
  });

  it('[AUTH][LOCAL]: off when listening beyond loopback, when unknown, and in production', async () => {
    expect(await registry({ REGISTRY_LISTEN_HOST: '0.0.0.0' }).listPlugins()).toBe(401);
    expect(await registry().listPlugins()).toBe(401);
    expect(
      await registry({
        REGISTRY_LISTEN_HOST: '127.0.0.1',
        REGISTRY_MODE: 'production',
      }).listPlugins(),
    ).toBe(401);
  });

  it('[AUTH][LOCAL]: a plugin key is a plugin, not the local admin', async () => {
    const { deps, listPlugins } = registry({ REGISTRY_LISTEN_HOST: '127.0.0.1' });
    const plugin = await createPlugin(deps, DEFAULT_TENANT_ID, pluginInput('local-plugin'));
    expect(await listPlugins({ authorization: `Bearer ${plugin.api_key}` })).toBe(403);
  });

  it('[AUTH][LOCAL]: creating an admin token turns local access off; the token works', async () => {
    const { deps, listPlugins } = registry({ REGISTRY_LISTEN_HOST: '127.0.0.1' });
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'first');
    expect(await listPlugins()).toBe(401);
    expect(await listPlugins({ authorization: `Bearer ${token}` })).toBe(200);
    // A server started earlier notices within its short cache (2 s), or at once when it made the token.
    const other = registry({ REGISTRY_LISTEN_HOST: '127.0.0.1' });
    expect(await other.listPlugins()).toBe(401);
  });
});
