import { get } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  createAdminToken,
  createPlugin,
  createRegistryDeps,
  isLocalRequest,
  type RegistryDeps,
  revokeAdminToken,
} from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { createTestDatabase, type TestDatabase } from '@registry/db/test-database';
import {
  type ForwardingProxy,
  startHeaderAddingProxy,
  startNginxDefaultProxy,
  startTcpTunnel,
} from '@registry/testing/loopback';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../test/support/api-server';
import { pluginInput } from '../../test/support/auth-fixtures';
import { SOCKET_STAMP_HEADER } from '../http';
import { createRestRouter } from '../rest';

/**
 * Protected local mode over real HTTP, on a database of its own (it depends on no admin token
 * ever having existed): locality comes from the socket our server accepted, never a header.
 */
let database: TestDatabase;
const opened: Array<{ deps: RegistryDeps; server: ApiServer }> = [];
const proxies: ForwardingProxy[] = [];
beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  for (const proxy of proxies.splice(0)) await proxy.close();
});
afterAll(async () => {
  for (const { deps, server } of opened) {
    await server.close();
    await deps.db.$disconnect();
  }
  await database.close();
});

async function registry(env: Record<string, string> = {}) {
  const deps = createRegistryDeps({ DATABASE_URL: database.url, LOG_LEVEL: 'silent', ...env });
  const server = await startApiServer(deps);
  opened.push({ deps, server });
  const port = new URL(server.url).port;
  /** GET /api/plugins through `base` (the server itself, or a proxy in front of it). */
  const listPlugins = (headers: Record<string, string> = {}, base = server.url) =>
    statusOf(`${base}/api/plugins`, headers);
  return { deps, server, port, listPlugins };
}

describe('protected local mode', () => {
  it('[AUTH][LOCAL]: a loopback client without credentials acts as admin while no token exists', async () => {
    const { listPlugins, port } = await registry();
    expect(await listPlugins()).toBe(200);
    expect(await listPlugins({}, `http://localhost:${port}`)).toBe(200);
  });

  it('[AUTH][LOCAL]: an MCP client on loopback lists and calls tools without a token', async () => {
    const { server } = await registry();
    const client = new Client({ name: 'local', version: '1.0.0' });
    await client.connect(new StreamableHTTPClientTransport(new URL('/api/mcp', server.url)));
    try {
      expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('create_task');
      const answer = await client.callTool({ name: 'create_task', arguments: { title: 'Local' } });
      expect(answer.isError).toBeFalsy();
    } finally {
      await client.close();
    }
    const forwarded = new StreamableHTTPClientTransport(new URL('/api/mcp', server.url), {
      requestInit: { headers: { 'x-forwarded-for': '127.0.0.1' } },
    });
    await expect(
      new Client({ name: 'proxied', version: '1.0.0' }).connect(forwarded),
    ).rejects.toMatchObject({ code: 401 });
  });

  it('[AUTH][LOCAL]: behind a proxy on loopback, nothing is local', async () => {
    const { server, listPlugins } = await registry();
    const behind = async (proxy: Promise<ForwardingProxy>) => {
      const started = await proxy;
      proxies.push(started);
      return listPlugins({}, started.url);
    };
    // nginx's default proxy_pass: loopback Host, no X-Forwarded-For, HTTP/1.0.
    expect(await behind(startNginxDefaultProxy(server.url))).toBe(401);
    const proxyHeaders: Array<Record<string, string>> = [
      { 'x-forwarded-for': '203.0.113.5' },
      { 'x-forwarded-for': '127.0.0.1' },
      { 'x-real-ip': '127.0.0.1' },
      { forwarded: 'for=127.0.0.1' },
      { via: '1.1 edge' },
    ];
    for (const added of proxyHeaders) {
      expect(await behind(startHeaderAddingProxy(server.url, added)), JSON.stringify(added)).toBe(
        401,
      );
    }
  });

  it('[AUTH][LOCAL]: a header a client writes never makes it local', async () => {
    const { deps, listPlugins } = await registry();
    expect(await listPlugins({ 'x-forwarded-for': '127.0.0.1' })).toBe(401);
    expect(await listPlugins({ 'x-forwarded-host': 'localhost' })).toBe(401);
    // A stamp the client forged is overwritten by the server's own...
    expect(await listPlugins({ [SOCKET_STAMP_HEADER]: 'forged.e30' })).toBe(200);
    // ...and a handler reached without our server believes none.
    const forged = Buffer.from(
      JSON.stringify({ remoteAddress: '127.0.0.1', boundAddress: '127.0.0.1', proxied: false }),
    ).toString('base64url');
    const direct = await createRestRouter(deps)(
      new Request('http://localhost/api/plugins', {
        headers: { [SOCKET_STAMP_HEADER]: `${'A'.repeat(32)}.${forged}` },
      }),
    );
    expect(direct?.status).toBe(401);
  });

  it('[AUTH][LOCAL]: rebinding names, other sites and a server bound beyond loopback are not local', async () => {
    const { listPlugins } = await registry();
    expect(await listPlugins({ host: 'evil.example' })).toBe(401);
    expect(await listPlugins({ origin: 'http://evil.example' })).toBe(401);
    expect(await listPlugins({ origin: 'null' })).toBe(401);
    expect(await listPlugins({ 'sec-fetch-site': 'cross-site' })).toBe(401);
    const fromLoopback = { remoteAddress: '127.0.0.1', proxied: false };
    const request = { host: 'localhost:5173', origin: null, secFetchSite: null };
    expect(
      isLocalRequest({ ...request, socket: { ...fromLoopback, boundAddress: '0.0.0.0' } }),
    ).toBe(false);
    expect(isLocalRequest({ ...request, socket: { ...fromLoopback, boundAddress: '::' } })).toBe(
      false,
    );
    expect(isLocalRequest({ ...request, socket: null })).toBe(false);
  });

  it('[AUTH][LOCAL]: a TCP tunnel forwards the client Host, which is not loopback', async () => {
    const { server, listPlugins } = await registry();
    const tunnel = await startTcpTunnel(server.url);
    proxies.push(tunnel);
    // What a browser or curl sends to the tunnel's public name; a client that forges
    // `Host: localhost` through a tunnel is indistinguishable from a local one, which is why
    // the start command's banner says never to put local mode behind a tunnel.
    expect(await listPlugins({ host: 'registry.example.com' }, tunnel.url)).toBe(401);
  });

  it('[AUTH][LOCAL]: off in production mode; a plugin key is a plugin, not the local admin', async () => {
    expect(await (await registry({ REGISTRY_MODE: 'production' })).listPlugins()).toBe(401);
    const { deps, listPlugins } = await registry();
    const plugin = await createPlugin(deps, DEFAULT_TENANT_ID, pluginInput('local-plugin'));
    expect(await listPlugins({ authorization: `Bearer ${plugin.api_key}` })).toBe(403);
  });

  it('[AUTH][LOCAL]: the first admin token ends local mode for good, even once revoked', async () => {
    const { deps, listPlugins } = await registry();
    const created = await createAdminToken(deps, DEFAULT_TENANT_ID, 'first');
    expect(await listPlugins()).toBe(401);
    expect(await listPlugins({ authorization: `Bearer ${created.token}` })).toBe(200);
    await revokeAdminToken(deps, DEFAULT_TENANT_ID, created.id);
    expect(await listPlugins()).toBe(401);
    // A server started afterwards, with every token revoked, is not local either.
    expect(await (await registry()).listPlugins()).toBe(401);
  });
});

/** The status of a GET sent with exactly these headers (fetch would not let us set Host). */
function statusOf(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((answered, failed) => {
    get(url, { headers, agent: false }, (response) => {
      response.resume();
      answered(response.statusCode ?? 0);
    }).on('error', failed);
  });
}
