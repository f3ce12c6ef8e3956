import { createHash } from 'node:crypto';
import { createAdminToken, revokeAdminToken } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { describe, expect, it } from 'vitest';
import { createRestRouter } from '../rest';

const deps = testRegistryDeps();
const router = createRestRouter(deps);
/** A request answered as the web server answers it (every path here is a route). */
const serve = async (request: Request) => (await router(request)) as Response;
const ORIGIN = 'http://localhost:5173';
const COOKIE = '__Host-registry_session';

const signIn = (token: string, origin = ORIGIN) =>
  serve(
    new Request(`${origin}/api/session`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        origin,
        'sec-fetch-site': 'same-origin',
      },
      body: JSON.stringify({ token }),
    }),
  );

/** Signs in and returns the session cookie's value, as the browser would keep it. */
async function sessionOf(token: string): Promise<string> {
  const response = await signIn(token);
  expect(response.status).toBe(200);
  const value = new RegExp(`^${COOKIE}=([^;]+)`).exec(response.headers.get('set-cookie') ?? '');
  return decodeURIComponent(value?.[1] ?? '');
}

const asSession = (cookie: string, method: string, headers: Record<string, string> = {}) =>
  serve(
    new Request(`${ORIGIN}/api/plugins/events/automation`, {
      method,
      headers: { cookie, 'content-type': 'application/json', ...headers },
      body:
        method === 'GET'
          ? undefined
          : JSON.stringify({ events: [{ action_type: 'create_task', payload: { title: 's' } }] }),
    }),
  );

const signOut = (cookie: string) =>
  serve(new Request(`${ORIGIN}/api/session`, { method: 'DELETE', headers: { cookie } }));

describe('dashboard session', () => {
  it('[AUTH][SESSION]: signing in sets a __Host- cookie holding a session id, not the token', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'browser');
    const response = await signIn(token);
    expect(response.status).toBe(200);
    const [session, legacy] = response.headers.getSetCookie();
    expect(session).toMatch(
      /^__Host-registry_session=par_session_[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=(4319\d|43200); Secure$/,
    );
    expect(session).not.toContain(token);
    expect(legacy).toBe('registry_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure');
    expect(await response.json()).toMatchObject({
      signed_in: true,
      expires_at: expect.any(String),
    });

    const id = decodeURIComponent(/=([^;]+)/.exec(session ?? '')?.[1] ?? '');
    const stored = await deps.db.dashboardSession.findMany({
      where: { sessionHash: createHash('sha256').update(id).digest('hex') },
    });
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(id);
    expect((await asSession(`${COOKIE}=${id}`, 'GET')).status).toBe(200);
    expect(
      (
        await asSession(`${COOKIE}=${id}`, 'POST', {
          origin: ORIGIN,
          'sec-fetch-site': 'same-origin',
        })
      ).status,
    ).toBe(200);
  });

  it('[AUTH][SESSION]: the token itself is no session cookie; an unprefixed cookie is ignored', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'raw cookie');
    expect((await asSession(`${COOKIE}=${token}`, 'GET')).status).toBe(401);
    expect((await asSession(`registry_session=${token}`, 'GET')).status).toBe(401);
    const id = await sessionOf(token);
    // Planted without the prefix (by a sibling subdomain, say), it is not read on localhost.
    expect((await asSession(`registry_session=${id}`, 'GET')).status).toBe(401);
  });

  it('[AUTH][SESSION]: plain http on another host gets an unprefixed cookie without Secure', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'lan');
    const lan = await signIn(token, 'http://registry.lan:5173');
    expect(lan.headers.getSetCookie()).toEqual([
      expect.stringMatching(
        /^registry_session=par_session_[^;]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+$/,
      ),
    ]);
    const https = await signIn(token, 'https://registry.example.com');
    expect(https.headers.getSetCookie()[0]).toMatch(/^__Host-registry_session=.+; Secure$/);
  });

  it('[AUTH][SESSION]: writes from another site cannot use the session (CSRF)', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'csrf');
    const id = await sessionOf(token);
    expect(
      (
        await asSession(`${COOKIE}=${id}`, 'POST', {
          origin: 'http://evil.example',
          'sec-fetch-site': 'cross-site',
        })
      ).status,
    ).toBe(401);
    const crossSite = await serve(
      new Request(`${ORIGIN}/api/session`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          origin: 'http://evil.example',
          'sec-fetch-site': 'cross-site',
        },
        body: JSON.stringify({ token }),
      }),
    );
    expect(crossSite.status).toBe(403);
  });

  it('[AUTH][SESSION]: a plugin key or a revoked token cannot sign in; revoking ends its sessions', async () => {
    const created = await createAdminToken(deps, DEFAULT_TENANT_ID, 'short-lived');
    expect((await signIn(`par_plugin_${'x'.repeat(43)}`)).status).toBe(401);
    const id = await sessionOf(created.token);
    await revokeAdminToken(deps, DEFAULT_TENANT_ID, created.id);
    expect((await signIn(created.token)).status).toBe(401);
    expect((await asSession(`${COOKIE}=${id}`, 'GET')).status).toBe(401);
    expect(await deps.db.dashboardSession.count({ where: { tokenId: created.id } })).toBe(0);
  });

  it('[AUTH][SESSION]: a session ends after its 12 hours, and with its token', async () => {
    const created = await createAdminToken(deps, DEFAULT_TENANT_ID, 'ending');
    const id = await sessionOf(created.token);
    const hash = createHash('sha256').update(id).digest('hex');
    const past = new Date(Date.now() - 1000);
    await deps.db.dashboardSession.update({
      where: { sessionHash: hash },
      data: { expiresAt: past },
    });
    expect((await asSession(`${COOKIE}=${id}`, 'GET')).status).toBe(401);

    const again = await sessionOf(created.token);
    await deps.db.apiToken.update({ where: { id: created.id }, data: { expiresAt: past } });
    expect((await asSession(`${COOKIE}=${again}`, 'GET')).status).toBe(401);
    expect((await signIn(created.token)).status).toBe(401);
  });

  it('[AUTH][SESSION]: signing out ends the session and clears the cookie', async () => {
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'leaving');
    const id = await sessionOf(token);
    const response = await signOut(`${COOKIE}=${id}`);
    expect(response.headers.getSetCookie()[0]).toBe(
      '__Host-registry_session=; HttpOnly; SameSite=Strict; Path=/; Max-Age=0; Secure',
    );
    expect((await asSession(`${COOKIE}=${id}`, 'GET')).status).toBe(401);
  });
});
