import type { IncomingMessage } from 'node:http';
import type { RequestSocket } from '@registry/core';

/** Headers by which a proxy says it forwarded a request (RFC 7239, the de facto X- ones, Via). */
const PROXY_HEADER = /^(forwarded|x-forwarded-.+|x-real-ip|via)$/i;

/**
 * What the server that accepted `request` knows of its connection: the TCP peer, the address
 * the server is bound to, and whether a proxy stands between. Read before anything else (Next.js
 * itself adds `x-forwarded-*` headers) and from the socket, never from a header's value.
 */
export function readRequestSocket(request: IncomingMessage, boundAddress: string): RequestSocket {
  return {
    remoteAddress: request.socket.remoteAddress ?? '',
    boundAddress,
    proxied:
      request.httpVersion === '1.0' ||
      Object.keys(request.headers).some((name) => PROXY_HEADER.test(name)),
  };
}
