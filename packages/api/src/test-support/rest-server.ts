import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { RegistryDeps } from '@registry/core';
import { createRestRouter } from './rest-router';

export interface RestServer {
  /** `http://127.0.0.1:<port>`: the REST routes below it, at their paths. */
  url: string;
  close(): Promise<void>;
}

/**
 * The REST routes on a real HTTP server on loopback, so tests send bytes over a socket rather
 * than objects to a handler. Deliberately minimal: the API's own node:http listener replaces
 * it once there is one.
 */
export async function startRestServer(deps: RegistryDeps): Promise<RestServer> {
  const route = createRestRouter(deps);
  const server = createServer((incoming, outgoing) => {
    const answer = async () => {
      const response = (await route(toRequest(incoming))) ?? new Response(null, { status: 404 });
      const cookies = response.headers.getSetCookie();
      outgoing.writeHead(response.status, {
        ...Object.fromEntries(response.headers),
        ...(cookies.length > 0 ? { 'set-cookie': cookies } : {}),
      });
      outgoing.end(Buffer.from(await response.arrayBuffer()));
    };
    // The handlers answer every error themselves; anything else is this server's own fault.
    answer().catch(() => outgoing.writeHead(500).end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}

function toRequest(incoming: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    for (const item of [value ?? []].flat()) headers.append(name, item);
  }
  const method = incoming.method ?? 'GET';
  const body = method === 'GET' || method === 'HEAD' ? undefined : Readable.toWeb(incoming);
  return new Request(new URL(incoming.url ?? '/', 'http://127.0.0.1'), {
    method,
    headers,
    ...(body ? { body: body as ReadableStream, duplex: 'half' } : {}),
  });
}
