import { ZSignInRequestSchema } from '@registry/contracts';
import {
  AppError,
  endDashboardSession,
  parseInput,
  type RegistryDeps,
  startDashboardSession,
} from '@registry/core';
import {
  isSameOriginWrite,
  keepsSecureCookies,
  readRequestCredentials,
  sessionCookieName,
} from '../auth/request-credentials';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { publicRestHandler } from './rest-handler';

/**
 * `/api/session` — the dashboard's sign-in (POST an admin token), sign-out (DELETE) and who the
 * browser is (GET). Signing in starts a session of at most 12 hours: the cookie holds its random
 * id, never the token, httpOnly and SameSite=Strict, so page scripts cannot read it and other
 * sites cannot send it. Signing out, or revoking the token, ends it at once.
 */
export function sessionRoutes(deps: RegistryDeps) {
  return {
    GET: publicRestHandler(deps, async (_request, principal) =>
      jsonResponse({
        signed_in: principal !== null,
        principal: principal && {
          kind: principal.kind,
          tenant_id: principal.tenantId,
          ...viaOf(principal),
        },
      }),
    ),
    POST: publicRestHandler(deps, async (request) => {
      if (!isSameOriginWrite(request, readRequestCredentials(request).origin)) {
        throw new AppError('FORBIDDEN', 'Sign in from the dashboard itself, not from another site');
      }
      const { token } = parseInput(ZSignInRequestSchema, await readJsonBody(request));
      const session = await startDashboardSession(deps, token);
      if (!session) throw new AppError('UNAUTHORIZED', 'token: not a valid admin token');
      const response = jsonResponse({
        signed_in: true,
        tenant_id: session.tenantId,
        expires_at: session.expiresAt.toISOString(),
      });
      const seconds = Math.floor((session.expiresAt.getTime() - Date.now()) / 1000);
      setSessionCookies(response, request, session.sessionId, seconds);
      return response;
    }),
    DELETE: publicRestHandler(deps, async (request) => {
      const { session } = readRequestCredentials(request);
      if (session) await endDashboardSession(deps, session);
      const response = jsonResponse({ signed_in: false });
      setSessionCookies(response, request, '', 0);
      return response;
    }),
  };
}

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

function viaOf(principal: { kind: string; via?: string }) {
  return principal.kind === 'admin' ? { via: principal.via } : {};
}
