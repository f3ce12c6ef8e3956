import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Plugin } from './define-plugin';
import { handleRequest } from './handle-request';
import { errorBody, sendJson } from './http-exchange';
import { type Connection, connectToRegistry, type RegistryOptions } from './registry-connection';

export interface ListenOptions {
  port?: number;
  /** Defaults to 127.0.0.1; a registry reaches a plugin elsewhere only through its allow-list. */
  host?: string;
  /**
   * The plugin's signing secret(s) (`whsec_…`, the current and, during a rotation, the previous).
   * With one, unsigned or wrongly signed calls get 401; without, calls are taken unchecked.
   */
  signingSecrets?: readonly string[];
  /** Register the actions and prove the endpoint once listening. */
  registry?: RegistryOptions;
}

export interface RunningPlugin {
  url: string;
  /** What the registry answered, when `registry` was given. */
  connection?: Connection;
  /** Registers the actions with a registry and asks it to verify this endpoint. */
  connect(registry: RegistryOptions): Promise<Connection>;
  close(): Promise<void>;
}

/** Serves the plugin's actions on node:http; then registers with the registry, if given one. */
export async function listen(plugin: Plugin, options: ListenOptions = {}): Promise<RunningPlugin> {
  const requestOptions = { signingSecrets: options.signingSecrets ?? [] };
  const server = createServer((request, response) => {
    handleRequest(plugin, requestOptions, request, response).catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      sendJson(response, 500, errorBody(`Plugin failed: ${message}`, 'INTERNAL_ERROR'));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const running: RunningPlugin = {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    connect: (registry) => connectToRegistry(plugin, registry),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  if (options.registry) {
    try {
      running.connection = await running.connect(options.registry);
    } catch (error) {
      await running.close();
      throw error;
    }
  }
  return running;
}
