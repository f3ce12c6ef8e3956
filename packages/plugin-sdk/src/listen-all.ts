import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { actionAt, type Plugin } from './define-plugin';
import { handleRequest, type RequestOptions } from './handle-request';
import { errorBody, sendJson } from './http-exchange';
import { type Connection, connectToRegistry, type RegistryOptions } from './registry-connection';
import { jsonLineLogger, REQUEST_LOG_MESSAGE, type RequestLogger } from './request-log';

/** One plugin on a shared server: its `api_endpoint` is the server's URL + `basePath`. */
export interface PluginMount {
  plugin: Plugin;
  /** Path prefix the plugin is served under, e.g. `/sms-notifications`; the root when omitted. */
  basePath?: string;
  /** The plugin's own signing secret(s); see `ListenOptions.signingSecrets`. */
  signingSecrets?: readonly string[];
}

export interface ServerOptions {
  port?: number;
  /** Defaults to 127.0.0.1; a registry reaches a plugin elsewhere only through its allow-list. */
  host?: string;
  /**
   * One line per request answered (plugin, action, webhook_id, status, duration_ms, dry_run):
   * JSON lines in pino's shape on stdout by default; a pino logger to send them there instead;
   * `false` for none.
   */
  requestLog?: RequestLogger | false;
}

export interface ServedPlugin {
  slug: string;
  /** The server's URL + the plugin's base path: the plugin's `api_endpoint`. */
  url: string;
  /**
   * Registers the plugin's actions with a registry and asks it to verify the plugin's endpoint;
   * the connection's `warning` says when the registry's api_endpoint is not `url`.
   */
  connect(registry: RegistryOptions): Promise<Connection>;
}

export interface RunningPluginServer {
  url: string;
  /** In the order they were mounted. */
  plugins: ServedPlugin[];
  close(): Promise<void>;
}

interface Route extends RequestOptions {
  plugin: Plugin;
  basePath: string;
}

/**
 * Serves several plugins on one node:http server, each below its own base path (the longest
 * matching prefix wins, so a plugin at the root takes whatever the others do not).
 */
export async function listenAll(
  mounts: readonly PluginMount[],
  options: ServerOptions = {},
): Promise<RunningPluginServer> {
  const routes = mounts.map(toRoute).sort((a, b) => b.basePath.length - a.basePath.length);
  for (const { plugin, signingSecrets = [] } of mounts) {
    if (signingSecrets.length === 0) {
      console.warn(
        `plugin ${plugin.slug}: no signing secret, so calls are taken unchecked and the ownership challenge cannot be answered`,
      );
    }
  }
  const log = options.requestLog ?? jsonLineLogger();
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://plugin').pathname;
    const route = routes.find(
      ({ basePath }) => path === basePath || path.startsWith(`${basePath}/`),
    );
    if (!route) return sendJson(response, 404, errorBody(`No such endpoint: ${path}`, 'NOT_FOUND'));
    const below = path.slice(route.basePath.length) || '/';
    if (log) logWhenAnswered(log, route.plugin, below, request, response);
    handleRequest(route.plugin, route, below, request, response).catch((error: unknown) => {
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
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    plugins: mounts.map(({ plugin, basePath = '' }) => ({
      slug: plugin.slug,
      url: url + basePath,
      connect: (registry) => connectToRegistry(plugin, registry, url + basePath),
    })),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function logWhenAnswered(
  log: RequestLogger,
  plugin: Plugin,
  below: string,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  const started = performance.now();
  const action = actionAt(plugin, below)?.action_type;
  response.once('finish', () => {
    const webhookId = request.headers['webhook-id'];
    log.info(
      {
        plugin: plugin.slug,
        ...(action ? { action } : {}),
        method: request.method ?? 'GET',
        path: new URL(request.url ?? '/', 'http://plugin').pathname,
        status: response.statusCode,
        duration_ms: Math.round((performance.now() - started) * 10) / 10,
        ...(typeof webhookId === 'string' ? { webhook_id: webhookId } : {}),
        ...(request.headers['webhook-dry-run'] === 'true' ? { dry_run: true as const } : {}),
      },
      REQUEST_LOG_MESSAGE,
    );
  });
}

function toRoute(mount: PluginMount, index: number, mounts: readonly PluginMount[]): Route {
  const basePath = mount.basePath ?? '';
  if (basePath !== '' && !/^(\/[\w.~-]+)+$/.test(basePath)) {
    throw new Error(
      `basePath ${basePath}: expected '' or a path like /my-plugin, without a trailing /`,
    );
  }
  if (mounts.findIndex((other) => (other.basePath ?? '') === basePath) !== index) {
    throw new Error(`basePath '${basePath}' is used by two plugins`);
  }
  return { plugin: mount.plugin, basePath, signingSecrets: mount.signingSecrets ?? [] };
}
