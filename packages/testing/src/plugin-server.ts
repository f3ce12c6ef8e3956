import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { answerEndpointChallenge } from '@registry/contracts';

export interface ReceivedCall {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type PluginRoute = (call: ReceivedCall, response: ServerResponse) => void | Promise<void>;

export interface TestPluginServer {
  url: string;
  calls: ReceivedCall[];
  close(): Promise<void>;
}

/**
 * A real HTTP plugin server on loopback for tests. Routes are keyed by path; every request is
 * recorded. An unknown path answers 404.
 */
export async function startPluginServer(
  routes: Record<string, PluginRoute>,
  host = '127.0.0.1',
): Promise<TestPluginServer> {
  const calls: ReceivedCall[] = [];
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const call: ReceivedCall = {
      method: request.method ?? 'GET',
      path: new URL(request.url ?? '/', 'http://test').pathname,
      headers: request.headers,
      body: text ? safeJson(text) : undefined,
    };
    calls.push(call);
    const route = routes[call.path];
    if (!route) return sendJson(response, 404, { error: `no route ${call.path}` });
    await route(call, response);
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** Route helper: answers every call with the same JSON. */
export const respondJson =
  (status: number, body: unknown): PluginRoute =>
  (_call, response) =>
    sendJson(response, status, body);

/** Route helper: echoes the received payload back. */
export const echo: PluginRoute = (call, response) =>
  sendJson(response, 200, { ok: true, received: call.body });

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * Route helper for `ENDPOINT_VERIFICATION_PATH`: answers the ownership challenge as a server
 * holding the named plugin's signing secret does (known once the plugin has been created).
 */
export const answerChallenge =
  (secretOf: (pluginSlug: string) => string | undefined): PluginRoute =>
  async (call, response) => {
    const { challenge, plugin_slug } = (call.body ?? {}) as Record<string, unknown>;
    const secret = typeof plugin_slug === 'string' ? secretOf(plugin_slug) : undefined;
    if (typeof challenge !== 'string' || !secret) {
      return sendJson(response, 400, { error: 'no challenge, or a plugin this server is not' });
    }
    sendJson(response, 200, {
      challenge_response: await answerEndpointChallenge(secret, challenge),
    });
  };
