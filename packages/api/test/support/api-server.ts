import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RegistryDeps } from '@registry/core';
import { createApiRequestListener } from '../../src/http';

export interface ApiServer {
  /** `http://127.0.0.1:<port>`, the API's root. */
  url: string;
  close(): Promise<void>;
}

/** The REST routes and tRPC on a real loopback HTTP server, as the web server serves them. */
export async function startApiServer(deps: RegistryDeps, host = '127.0.0.1'): Promise<ApiServer> {
  let boundAddress = '';
  const listen = createApiRequestListener(deps, () => boundAddress);
  const server = createServer((request, response) => {
    listen(request, response).then(
      (served) => {
        if (!served) response.writeHead(404).end();
      },
      (error: unknown) => {
        deps.logger.error({ err: error }, 'test API server failed');
        if (!response.headersSent) response.writeHead(500).end();
      },
    );
  });
  await new Promise<void>((listening) => server.listen(0, host, () => listening()));
  const address = server.address() as AddressInfo;
  boundAddress = address.address;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    close: () =>
      new Promise<void>((closed) => {
        server.close(() => closed());
        server.closeAllConnections();
      }),
  };
}
