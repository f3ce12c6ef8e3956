import { createServer } from 'node:net';

export {
  type ForwardingProxy,
  startHeaderAddingProxy,
  startNginxDefaultProxy,
  startTcpTunnel,
} from './proxies';

/**
 * Loopback helpers with no test-runner import, so the benchmark can use them too
 * (`@registry/testing/loopback`).
 */

/** A currently free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface Canary {
  port: number;
  /** TCP connections accepted so far: a refused address must see none. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * A listener on an address the URL policy refuses (127.0.0.2, 127.0.0.3, ::1 outside the
 * allow-list): it counts every connection it gets and drops it.
 */
export async function startCanary(host: string): Promise<Canary> {
  let connections = 0;
  const server = createServer((socket) => {
    connections += 1;
    socket.destroy();
  });
  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(0, host, ready);
  });
  return {
    port: (server.address() as { port: number }).port,
    get connections() {
      return connections;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
