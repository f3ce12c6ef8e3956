import type { RequestOrigin } from '@registry/core';
import { readStampedSocket } from '../http/socket-stamp';

export const SESSION_COOKIE = 'registry_session';

export interface RequestCredentials {
  /** The token of `Authorization: Bearer <token>`. */
  bearer?: string;
  /** The dashboard's session cookie (an admin token, httpOnly). */
  session?: string;
  /** Why the Authorization header could not be read, if it could not. */
  problem?: string;
  origin: RequestOrigin;
}

/** Reads what a request presents: a bearer token, a session cookie, and where it came from. */
export function readRequestCredentials(request: Request): RequestCredentials {
  const headers = request.headers;
  const origin: RequestOrigin = {
    socket: readStampedSocket(headers),
    host: headers.get('host') ?? new URL(request.url).host,
    origin: headers.get('origin'),
    secFetchSite: headers.get('sec-fetch-site'),
  };
  const session = readCookie(headers.get('cookie'), SESSION_COOKIE);
  const authorization = headers.get('authorization');
  if (authorization === null) return { session, origin };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) {
    return { origin, problem: 'The Authorization header must read "Bearer <token>".' };
  }
  return { bearer: match[1], origin };
}

/**
 * Whether a cookie-authenticated request may change things: browsers send Origin and
 * Sec-Fetch-Site with every cross-site POST, and a page elsewhere cannot forge them.
 */
export function isSameOriginWrite(request: Request, origin: RequestOrigin): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return true;
  if (origin.secFetchSite && !['same-origin', 'none'].includes(origin.secFetchSite)) return false;
  if (!origin.origin) return true;
  return URL.parse(origin.origin)?.host === origin.host;
}

function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
