import { ZSignInRequestSchema } from '@registry/contracts';
import { AppError, authenticateSecret, parseInput, type RegistryDeps } from '@registry/core';
import {
  isSameOriginWrite,
  readRequestCredentials,
  SESSION_COOKIE,
} from '../auth/request-credentials';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import { publicRestHandler } from './rest-handler';

const SESSION_SECONDS = 12 * 60 * 60;

/**
 * `/api/session` — the dashboard's sign-in (POST an admin token), sign-out (DELETE) and who the
 * browser is (GET). The cookie holds the token, httpOnly and SameSite=Strict, so page scripts
 * cannot read it and other sites cannot send it; revoking the token ends the session at once.
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
      const principal = await authenticateSecret(deps, token, 'session');
      if (!principal) throw new AppError('UNAUTHORIZED', 'token: not a valid admin token');
      const response = jsonResponse({ signed_in: true, tenant_id: principal.tenantId });
      response.headers.append('set-cookie', sessionCookie(request, token, SESSION_SECONDS));
      return response;
    }),
    DELETE: publicRestHandler(deps, async (request) => {
      const response = jsonResponse({ signed_in: false });
      response.headers.append('set-cookie', sessionCookie(request, '', 0));
      return response;
    }),
  };
}

function sessionCookie(request: Request, value: string, maxAge: number): string {
  const secure =
    new URL(request.url).protocol === 'https:' ||
    request.headers.get('x-forwarded-proto') === 'https';
  return [
    `${SESSION_COOKIE}=${encodeURIComponent(value)}`,
    'HttpOnly',
    'SameSite=Strict',
    'Path=/',
    `Max-Age=${maxAge}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

function viaOf(principal: { kind: string; via?: string }) {
  return principal.kind === 'admin' ? { via: principal.via } : {};
}
