import {
  ZSessionStateSchema,
  ZSignInRequestSchema,
  ZSignInResponseSchema,
  ZSignOutResponseSchema,
} from '@registry/contracts';
import { AppError, endDashboardSession, startDashboardSession } from '@registry/core';
import {
  isSameOriginWrite,
  keepsSecureCookies,
  readRequestCredentials,
  sessionCookieName,
} from '../../auth/request-credentials';
import { jsonResponse } from '../json-response';
import { defineOperation } from '../rest-operation';

const tag = 'Session';

/**
 * `/api/session` — the dashboard's sign-in (POST an admin token), sign-out (DELETE) and who the
 * browser is (GET). Signing in starts a session of at most 12 hours: the cookie holds its random
 * id, never the token, httpOnly and SameSite=Strict, so page scripts cannot read it and other
 * sites cannot send it. Signing out, or revoking the token, ends it at once.
 */
export const SESSION_OPERATIONS = [
  defineOperation({
    method: 'GET',
    path: '/api/session',
    access: 'public',
    tag,
    summary: 'Who the caller is',
    responses: { 200: { description: 'The caller, if signed in', schema: ZSessionStateSchema } },
    handle: async ({ principal }) => ({
      body: {
        signed_in: principal !== null,
        principal: principal && {
          kind: principal.kind,
          tenant_id: principal.tenantId,
          ...(principal.kind === 'admin' ? { via: principal.via } : {}),
        },
      },
    }),
  }),
  defineOperation({
    method: 'POST',
    path: '/api/session',
    access: 'public',
    tag,
    summary: 'Sign in to the dashboard with an admin token',
    description:
      'Starts a session of at most 12 hours: an httpOnly, SameSite=Strict cookie holding a ' +
      'random session id (`__Host-registry_session` on https and localhost). Same-origin ' +
      'requests only.',
    body: ZSignInRequestSchema,
    errors: ['UNAUTHORIZED', 'FORBIDDEN'],
    responses: { 200: { description: 'Signed in', schema: ZSignInResponseSchema } },
    handle: async ({ deps, request, body }) => {
      if (!isSameOriginWrite(request, readRequestCredentials(request).origin)) {
        throw new AppError('FORBIDDEN', 'Sign in from the dashboard itself, not from another site');
      }
      const session = await startDashboardSession(deps, body.token);
      if (!session) throw new AppError('UNAUTHORIZED', 'token: not a valid admin token');
      const response = jsonResponse({
        signed_in: true,
        tenant_id: session.tenantId,
        expires_at: session.expiresAt.toISOString(),
      });
      const seconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
      setSessionCookies(response, request, session.sessionId, seconds);
      return response;
    },
  }),
  defineOperation({
    method: 'DELETE',
    path: '/api/session',
    access: 'public',
    tag,
    summary: 'Sign out of the dashboard',
    description: 'Ends the session: its id is refused from then on.',
    responses: { 200: { description: 'Signed out', schema: ZSignOutResponseSchema } },
    handle: async ({ deps, request }) => {
      const { session } = readRequestCredentials(request);
      if (session) await endDashboardSession(deps, session);
      const response = jsonResponse({ signed_in: false });
      setSessionCookies(response, request, '', 0);
      return response;
    },
  }),
];

function setSessionCookies(response: Response, request: Request, value: string, maxAge: number) {
  const name = sessionCookieName(request);
  const secure = keepsSecureCookies(request);
  const cookie = (cookieName: string, cookieValue: string, seconds: number) =>
    [
      `${cookieName}=${encodeURIComponent(cookieValue)}`,
      'HttpOnly',
      'SameSite=Strict',
      'Path=/',
      `Max-Age=${seconds}`,
      ...(secure ? ['Secure'] : []),
    ].join('; ');
  response.headers.append('set-cookie', cookie(name, value, maxAge));
  // The cookie of earlier versions held the admin token itself: drop it wherever it may linger.
  if (name !== 'registry_session') {
    response.headers.append('set-cookie', cookie('registry_session', '', 0));
  }
}
