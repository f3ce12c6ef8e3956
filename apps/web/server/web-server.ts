import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  createApiRequestListener,
  readRequestSocket,
  stampRequestSocket,
} from '@registry/api/http';
import { createRegistryDeps, type DeliveryWorker, startDeliveryWorker } from '@registry/core';
import next from 'next';

/** The web app's folder, where Next.js finds its build and config. */
export const webDir = resolve(import.meta.dirname, '..');

export interface WebServerOptions {
  dev: boolean;
  host: string;
  port: number;
  /** Run a delivery worker in this process too (what `pnpm start` does). */
  worker: boolean;
}

export interface WebServer {
  /** The address the server is bound to, as the operating system reports it. */
  boundAddress: string;
  close(): Promise<void>;
}

/**
 * The product's HTTP server, a documented Next.js pattern: our own `node:http` listener serves
 * the API (REST and tRPC, framework-free handlers from @registry/api) and hands every other
 * path (the dashboard) to Next.js. It tells handlers the truth about each connection: it stamps
 * every request with its TCP peer, the address it is bound to and whether a proxy stands
 * between, which no header a client sends can fake (protected local mode depends on it). With
 * `worker`, a delivery worker runs beside it, sharing its pool and waking the moment this
 * process enqueues.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const deps = createRegistryDeps(process.env, { supervise: options.worker });
  const app = next({ dev: options.dev, dir: webDir, hostname: options.host, port: options.port });
  const handleWithNext = app.getRequestHandler();
  await app.prepare();
  let boundAddress = '';
  const serveApi = createApiRequestListener(deps, () => boundAddress);
  const server: Server = createServer((request: IncomingMessage, response: ServerResponse) => {
    serveApi(request, response)
      .then((served) => {
        if (served) return;
        stampRequestSocket(request.headers, readRequestSocket(request, boundAddress));
        return handleWithNext(request, response);
      })
      .catch((error: unknown) => {
        deps.logger.error({ err: error, url: request.url }, 'request failed');
        if (!response.headersSent) response.writeHead(500).end();
      });
  });
  await new Promise<void>((listening, failed) => {
    server.once('error', failed);
    server.listen(options.port, options.host, () => listening());
  });
  boundAddress = (server.address() as AddressInfo).address;
  const worker: DeliveryWorker | undefined = options.worker ? startDeliveryWorker(deps) : undefined;
  return {
    boundAddress,
    async close() {
      await new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      });
      await worker?.stop();
      await app.close();
      await deps.close();
    },
  };
}
