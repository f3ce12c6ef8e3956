import { createAdminToken, revokeAdminToken } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { describe, expect, it } from 'vitest';
import { createRestRoutes } from '../rest';

const deps = testRegistryDeps();
const routes = createRestRoutes(deps);
const ORIGIN = 'http://localhost:5173';

const signIn = (token: string, origin = ORIGIN) =>
  routes['/api/session'].POST(
    new Request(`${ORIGIN}/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        'sec-fetch-site': origin === ORIGIN ? 'same-origin' : 'cross-site',
      },
      body: JSON.stringify({ token }),
    }),
    {},
  );

const asSession = (token: string, method: string, headers: Record<string, string> = {}) =>
  routes['/api/plugins/events/automation'][method === 'GET' ? 'GET' : 'POST'](
    new Request(`${ORIGIN}/api/plugins/events/automation`, {
      method,
      headers: {
        cookie: `registry_session=${token}`,
        'content-type': 'application/json',
        ...headers,
      },
      body:
        method === 'GET'
          ? undefined
          : JSON.stringify({ events: [{ action_type: 'create_task', payload: { title: 's' } }] }),
    }),
    {},
  );

describe('dashboard session', () => {
  it('[AUTH][SESSION]: signing in sets an httpOnly, SameSite=Strict cookie that acts as the admin', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'browser');
    const response = await signIn(token);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /^registry_session=par_admin_[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=43200$/,
    );
    expect((await asSession(token, 'GET')).status).toBe(200);
    expect(
      (await asSession(token, 'POST', { origin: ORIGIN, 'sec-fetch-site': 'same-origin' })).status,
    ).toBe(200);
  });

  it('[AUTH][SESSION]: writes from another site cannot use the session (CSRF)', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'csrf');
    expect(
      (
        await asSession(token, 'POST', {
          origin: 'http://evil.example',
          'sec-fetch-site': 'cross-site',
        })
      ).status,
    ).toBe(401);
    expect((await signIn(token, 'http://evil.example')).status).toBe(403);
  });

  it('[AUTH][SESSION]: a plugin key or a revoked token cannot sign in; revoking ends a session', async () => {
    const created = await createAdminToken(deps, DEFAULT_TENANT_ID, 'short-lived');
    expect((await signIn(`par_plugin_${'x'.repeat(43)}`)).status).toBe(401);
    await revokeAdminToken(deps, DEFAULT_TENANT_ID, created.id);
    expect((await signIn(created.token)).status).toBe(401);
    expect((await asSession(created.token, 'GET')).status).toBe(401);
  });

  it('[AUTH][SESSION]: signing out clears the cookie', async () => {
    const response = await routes['/api/session'].DELETE(
      new Request(`${ORIGIN}/api/session`, { method: 'DELETE' }),
      {},
    );
    expect(response.headers.get('set-cookie')).toMatch(
      /^registry_session=; HttpOnly; SameSite=Strict; Path=\/; Max-Age=0$/,
    );
  });
});
