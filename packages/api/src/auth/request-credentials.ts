import { isLoopbackAddress, type RequestOrigin } from '@registry/core';
import { readStampedSocket } from '../http/socket-stamp';

/**
 * The dashboard session's cookie. `__Host-` makes browsers keep it only if it is Secure, for
 * this host alone and the whole path, so no sibling subdomain or plain-http page can plant or
 * overwrite it. Browsers keep Secure cookies on https and on http://localhost (a potentially
 * trustworthy origin), so those get it; plain http elsewhere gets the unprefixed name, which
 * is all such a deployment can hold.
 */
export function sessionCookieName(request: Request): string {
  return keepsSecureCookies(request) ? '__Host-registry_session' : 'registry_session';
}

/** Whether the browser of this request keeps Secure cookies: https, or a loopback host. */
export function keepsSecureCookies(request: Request): boolean {
  const url = new URL(request.url);
  if (url.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https') {
    return true;
  }
  const host = (request.headers.get('host') ?? url.host).replace(/:\d+$/, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isLoopbackAddress(host);
}

export interface RequestCredentials {
  /** The token of `Authorization: Bearer <token>`. */
  bearer?: string;
  /** The dashboard's session cookie (a session id, httpOnly). */
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
  const session = readCookie(headers.get('cookie'), sessionCookieName(request));
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
