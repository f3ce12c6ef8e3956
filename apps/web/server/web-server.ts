import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { readRequestSocket, stampRequestSocket } from '@registry/api/http';
import next from 'next';

/** The web app's folder, where Next.js finds its build and config. */
export const webDir = resolve(import.meta.dirname, '..');

export interface WebServerOptions {
  dev: boolean;
  host: string;
  port: number;
}

export interface WebServer {
  /** The address the server is bound to, as the operating system reports it. */
  boundAddress: string;
  close(): Promise<void>;
}

/**
 * The product's HTTP server: Next.js (dashboard, API routes) behind our own `node:http`
 * listener, a documented Next.js pattern. The listener exists to tell handlers the truth about
 * each connection: it stamps every request with its TCP peer, the address it is bound to and
 * whether a proxy stands between, which no header a client sends can fake (protected local
 * mode depends on it).
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const app = next({ dev: options.dev, dir: webDir, hostname: options.host, port: options.port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  let boundAddress = '';
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    stampRequestSocket(request.headers, readRequestSocket(request, boundAddress));
    handleWithNext(request, response).catch((error: unknown) => {
      console.error('request failed', error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, options.host, () => listening());
  });
  boundAddress = (server.address() as AddressInfo).address;
  return {
    boundAddress,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }).then(() => app.close()),
  };
}
