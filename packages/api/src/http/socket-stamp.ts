import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RequestSocket } from '@registry/core';

/**
 * The request header that carries, from our HTTP server to the handlers it calls (ours, and
 * Next.js's pages in the same process), what the server saw of the connection. The server
 * overwrites whatever a client sent under this name, and signs its own with a key that lives
 * only in this process's memory, so no client can write one that is believed.
 */
export const SOCKET_STAMP_HEADER = 'x-registry-socket';

const KEY = Symbol.for('@registry/api.socket-stamp-key');
type StampGlobal = { [KEY]?: Buffer };

/** One key per process, shared by every copy of this module (Next.js bundles its own). */
function stampKey(): Buffer {
  const global = globalThis as StampGlobal;
  global[KEY] ??= randomBytes(24);
  return global[KEY];
}

/** Replaces any client-sent stamp with the server's own account of the connection. */
export function stampRequestSocket(headers: IncomingHttpHeaders, socket: RequestSocket): void {
  const body = Buffer.from(JSON.stringify(socket)).toString('base64url');
  headers[SOCKET_STAMP_HEADER] = `${stampKey().toString('base64url')}.${body}`;
}

/** The connection as our server stamped it, or null when nothing of ours vouched for it. */
export function readStampedSocket(headers: Headers): RequestSocket | null {
  const [key, body, extra] = (headers.get(SOCKET_STAMP_HEADER) ?? '').split('.');
  if (!key || !body || extra !== undefined) return null;
  const presented = Buffer.from(key, 'base64url');
  const expected = stampKey();
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return null;
  const socket: unknown = JSON.parse(Buffer.from(body, 'base64url').toString());
  return isRequestSocket(socket) ? socket : null;
}

function isRequestSocket(value: unknown): value is RequestSocket {
  const socket = value as Partial<RequestSocket> | null;
  return (
    typeof socket?.remoteAddress === 'string' &&
    typeof socket.boundAddress === 'string' &&
    typeof socket.proxied === 'boolean'
  );
}
