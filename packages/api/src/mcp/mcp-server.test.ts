import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ErrorCode, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { createAdminToken, createPlugin, PLATFORM_ACTIONS } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { SEED_PLUGINS } from '@registry/db/seed';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  respondJson,
  startPluginServer,
  type TestPluginServer,
} from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../test/support/api-server';
import { pluginInput } from '../../test/support/auth-fixtures';
import { TOOLS_PAGE_SIZE } from './action-tools';
import { TOOL_NAME_PATTERN } from './tool-name';

const deps = testRegistryDeps();
const emailSeed = SEED_PLUGINS.find((plugin) => plugin.slug === 'email-automation');
const EMAIL_TOOL = 'email-automation__send_welcome_email';

let api: ApiServer;
let plugins: TestPluginServer;
const tenant = newTenantId();
let adminToken: string;
const clients: Client[] = [];

beforeAll(async () => {
  plugins = await startPluginServer({
    '/actions/send-welcome-email': echo,
    '/actions/send-abandoned-cart-email': echo,
    '/actions/long': echo,
  });
  await insertPlugin(deps.db, tenant, {
    slug: 'email-automation',
    apiEndpoint: plugins.url,
    actions: emailSeed?.actions as ReturnType<typeof actionDefinition>[],
  });
  adminToken = (await createAdminToken(deps, tenant, 'mcp')).token;
  api = await startApiServer(deps);
});
afterAll(async () => {
  for (const client of clients) await client.close();
  await api.close();
  await plugins.close();
});

/** The SDK's own client on `/api/mcp` (plus `query`), over real HTTP, with a bearer token. */
async function connect(token = adminToken, query = ''): Promise<Client> {
  const client = new Client({ name: 'registry-tests', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`/api/mcp${query}`, api.url), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

async function allTools(client: Client): Promise<Tool[]> {
  const tools: Tool[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.listTools(cursor ? { cursor } : {});
    tools.push(...page.tools);
    cursor = page.nextCursor;
  } while (cursor);
  return tools;
}

const callsWithFlow = (prefix: string) =>
  plugins.calls.filter((call) => String(call.headers['x-flow-execution-id']).startsWith(prefix));

describe('MCP tools/list', () => {
  it('[MCP][LIST]: lists the platform actions and the seed plugin actions as tools', async () => {
    const client = await connect();
    const tools = await allTools(client);
    const names = tools.map((tool) => tool.name);

    expect(names).toEqual([
      ...PLATFORM_ACTIONS.map((action) => action.action_type),
      EMAIL_TOOL,
      'email-automation__send_abandoned_cart_email',
    ]);
    for (const name of names) expect(name).toMatch(TOOL_NAME_PATTERN);
    expect(tools.find((tool) => tool.name === EMAIL_TOOL)).toMatchObject({
      title: 'Send Welcome Email',
      description: expect.stringContaining('Sends personalized welcome email to new customers'),
      inputSchema: {
        type: 'object',
        properties: { user_id: {}, email: {}, first_name: {}, template_id: {} },
        required: ['user_id', 'email'],
      },
    });
    expect(tools.find((tool) => tool.name === 'create_product')).toMatchObject({
      title: expect.any(String),
      inputSchema: { type: 'object', required: expect.arrayContaining(['name']) },
    });
  });

  it('[MCP][LIST]: the URL filter mounts only the tools of one category or plugin', async () => {
    const byCategory = await allTools(await connect(adminToken, '?category=email'));
    expect(byCategory.map((tool) => tool.name)).toEqual([
      EMAIL_TOOL,
      'email-automation__send_abandoned_cart_email',
    ]);
    const platform = await allTools(await connect(adminToken, '?plugin=platform'));
    expect(platform).toHaveLength(PLATFORM_ACTIONS.length);
  });

  it('[MCP][LIST]: a filter the discovery API would refuse is a 400 naming it', async () => {
    const response = await post('?category=Not%20A%20Category', listRequest(), adminToken);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('[MCP][HEALTH]: a tool description says how its calls went in the last 24 hours', async () => {
    const own = newTenantId();
    await insertPlugin(deps.db, own, {
      slug: 'pinger',
      apiEndpoint: plugins.url,
      actions: ['ping', 'unused'].map((type) =>
        actionDefinition(type, { endpoint: '/actions/long' }),
      ),
    });
    const client = await connect(
      (await createAdminToken(deps, own, 'mcp')).token,
      '?plugin=pinger',
    );
    for (let n = 0; n < 2; n++) await client.callTool({ name: 'pinger__ping', arguments: {} });

    const descriptions = (await allTools(client)).map((tool) =>
      tool.description?.split('\n\n').at(-1),
    );
    expect(descriptions).toEqual([
      expect.stringMatching(/^24h: 100% of 2 calls succeeded, p95 ≤ \d+ ms\.$/),
      '24h: no calls.',
    ]);
  });

  it("[MCP][LIST]: an action's declared example payloads are its tool's input examples", async () => {
    const own = newTenantId();
    await insertPlugin(deps.db, own, {
      slug: 'shown',
      apiEndpoint: plugins.url,
      actions: [
        actionDefinition('award', {
          examples: [{ name: 'first', payload: { points: 5 } }, { payload: { points: 1 } }],
        }),
        actionDefinition('plain'),
      ],
    });
    const client = await connect((await createAdminToken(deps, own, 'mcp')).token, '?plugin=shown');
    const tools = await allTools(client);
    expect(tools.map((tool) => tool.inputSchema.examples)).toEqual([
      [{ points: 5 }, { points: 1 }],
      undefined,
    ]);
  });

  it('[MCP][LIST]: pages with the protocol cursor, and shortens over-long names deterministically', async () => {
    const other = newTenantId();
    const slug = `long-${'x'.repeat(59)}`;
    const types = Array.from({ length: 60 }, (_, i) => `action_${String(i).padStart(2, '0')}`);
    await insertPlugin(deps.db, other, {
      slug,
      apiEndpoint: plugins.url,
      actions: [
        ...types.map((type) => actionDefinition(type)),
        actionDefinition('a_rather_long_action_type_'.repeat(3), { endpoint: '/actions/long' }),
      ],
    });
    const client = await connect((await createAdminToken(deps, other, 'mcp')).token);

    const first = await client.listTools();
    expect(first.tools).toHaveLength(TOOLS_PAGE_SIZE);
    expect(first.nextCursor).toEqual(expect.any(String));
    const tools = await allTools(client);
    const names = tools.map((tool) => tool.name);
    expect(names).toHaveLength(PLATFORM_ACTIONS.length + types.length + 1);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(TOOL_NAME_PATTERN);
    const long = names.at(-1) as string;
    expect(long).toHaveLength(64);
    expect((await allTools(client)).at(-1)?.name).toBe(long);

    const answer = await client.callTool({ name: long, arguments: { hello: 'there' } });
    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent).toEqual({ ok: true, received: { hello: 'there' } });
  });

  it("[MCP][TENANCY]: another tenant's tools are never listed, nor callable by their name", async () => {
    const other = newTenantId();
    await createPlugin(deps, other, pluginInput('sms-only'));
    const client = await connect((await createAdminToken(deps, other, 'mcp')).token);

    const names = (await allTools(client)).map((tool) => tool.name);
    expect(names).toEqual(PLATFORM_ACTIONS.map((action) => action.action_type));
    const before = plugins.calls.length;
    await expect(
      client.callTool({ name: EMAIL_TOOL, arguments: { user_id: 'u', email: 'e@example.com' } }),
    ).rejects.toMatchObject({ code: ErrorCode.InvalidParams });
    expect(plugins.calls.length).toBe(before);
  });
});

describe('MCP tools/call', () => {
  it('[MCP][CALL]: calls a platform action and answers what it made', async () => {
    const client = await connect();
    const answer = await client.callTool({
      name: 'create_product',
      arguments: { name: 'MCP Mug', price: 12.5 },
    });

    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent).toMatchObject({ name: 'MCP Mug', price: 12.5 });
    expect(JSON.parse((answer.content as [{ text: string }])[0].text)).toMatchObject({
      name: 'MCP Mug',
    });
    const execution = await deps.db.actionExecution.findFirstOrThrow({
      where: { tenantId: tenant, actionType: 'create_product' },
    });
    expect(execution).toMatchObject({ status: 'succeeded', mode: 'sync', source: 'mcp' });
    expect(execution.flowExecutionId).toMatch(/^mcp_/);
  });

  it('[MCP][CALL]: calls a plugin action through dispatch: signed, recorded, answered', async () => {
    const client = await connect();
    const payload = { user_id: 'user_456', email: 'ada@example.com', first_name: 'Ada' };
    const answer = await client.callTool({ name: EMAIL_TOOL, arguments: payload });

    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent).toEqual({ ok: true, received: payload });
    const execution = (answer._meta as Record<string, { execution_id: string }>)[
      'registry/execution'
    ];
    const call = callsWithFlow('mcp_').find((c) => c.path === '/actions/send-welcome-email');
    expect(call?.body).toEqual(payload);
    expect(call?.headers['webhook-signature']).toMatch(/^v1,/);
    const recorded = await deps.db.actionExecution.findUniqueOrThrow({
      where: { id: execution?.execution_id },
    });
    expect(recorded).toMatchObject({ tenantId: tenant, status: 'succeeded', attempts: [{}] });
  });

  it('[MCP][CALL]: a wrong argument is an isError result with the error code, not a protocol error', async () => {
    const client = await connect();
    const missing = await client.callTool({ name: EMAIL_TOOL, arguments: { user_id: 'u' } });
    expect(missing.isError).toBe(true);
    expect(missing.structuredContent).toMatchObject({
      error_code: 'MISSING_REQUIRED_FIELDS',
      error: 'Missing required field: email for action send_welcome_email',
      status: 'failed',
    });
    expect(missing.content).toEqual([
      {
        type: 'text',
        text: 'MISSING_REQUIRED_FIELDS: Missing required field: email for action send_welcome_email',
      },
    ]);

    const invalid = await client.callTool({ name: 'update_product', arguments: { name: 'No id' } });
    expect(invalid).toMatchObject({
      isError: true,
      structuredContent: { error_code: 'INVALID_PAYLOAD' },
    });
  });
});

describe('MCP output schemas and hints', () => {
  const typedTenant = newTenantId();
  const orderSchema = {
    type: 'object' as const,
    properties: { order_id: { type: 'string' as const } },
    required: ['order_id'],
  };
  let typedToken: string;
  let typedPlugins: TestPluginServer;

  beforeAll(async () => {
    typedPlugins = await startPluginServer({
      '/actions/find-order': respondJson(200, { order_id: 'o_1' }),
      '/actions/cancel-order': respondJson(200, { order_id: 7 }),
    });
    await insertPlugin(deps.db, typedTenant, {
      slug: 'orders',
      apiEndpoint: typedPlugins.url,
      actions: [
        {
          ...actionDefinition('find_order'),
          output_schema: orderSchema,
          read_only: true,
          destructive: false,
          idempotent: true,
        },
        { ...actionDefinition('cancel_order'), output_schema: orderSchema, destructive: true },
        actionDefinition('plain_action'),
      ],
    });
    typedToken = (await createAdminToken(deps, typedTenant, 'mcp typed')).token;
  });
  afterAll(() => typedPlugins.close());

  it('[MCP][LIST]: hints become annotations (only those declared) and output_schema the outputSchema', async () => {
    const tools = await allTools(await connect(typedToken, '?plugin=orders'));
    const byName = Object.fromEntries(tools.map((tool) => [tool.name, tool]));

    expect(byName.orders__find_order).toMatchObject({
      outputSchema: orderSchema,
      annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true },
    });
    expect(byName.orders__cancel_order?.annotations).toEqual({ destructiveHint: true });
    expect(byName.orders__plain_action).not.toHaveProperty('annotations');
    expect(byName.orders__plain_action).not.toHaveProperty('outputSchema');
    const platform = await allTools(await connect(typedToken, '?plugin=platform'));
    expect(platform.find((tool) => tool.name === 'delete_product')?.annotations).toEqual({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: true,
    });
  });

  it('[MCP][CALL]: a fitting answer is structuredContent the SDK client checks; the execution shows source mcp', async () => {
    const client = await connect(typedToken);
    const answer = await client.callTool({ name: 'orders__find_order', arguments: {} });

    expect(answer.isError).toBeFalsy();
    expect(answer.structuredContent).toEqual({ order_id: 'o_1' });
    const execution = (answer._meta as Record<string, { execution_id: string }>)[
      'registry/execution'
    ];
    const recorded = await deps.db.actionExecution.findUniqueOrThrow({
      where: { id: execution?.execution_id },
    });
    expect(recorded).toMatchObject({ status: 'succeeded', source: 'mcp', outputMismatch: null });
  });

  it('[MCP][CALL]: an answer breaking outputSchema is an error result saying the action ran, recorded as a mismatch', async () => {
    const client = await connect(typedToken);
    const answer = await client.callTool({ name: 'orders__cancel_order', arguments: {} });

    const mismatch = [{ field: 'result.order_id', message: 'expected string, received number 7' }];
    expect(answer).toMatchObject({
      isError: true,
      structuredContent: {
        error_code: 'OUTPUT_MISMATCH',
        status: 'succeeded',
        output_mismatch: mismatch,
        result: { order_id: 7 },
      },
    });
    expect((answer.content as [{ text: string }])[0].text).toContain(
      'The action ran and succeeded',
    );
    const recorded = await deps.db.actionExecution.findFirstOrThrow({
      where: { tenantId: typedTenant, actionType: 'cancel_order' },
    });
    expect(recorded).toMatchObject({
      status: 'succeeded',
      source: 'mcp',
      outputMismatch: mismatch,
    });
  });
});

describe('MCP dry runs', () => {
  it('[MCP][DRY_RUN]: _meta registry/dry_run answers the would-be product and the request a plugin would get, doing neither', async () => {
    const client = await connect();
    const dryRun = { 'registry/dry_run': true };
    const products = () => deps.db.product.count({ where: { tenantId: tenant } });
    const before = await products();
    const product = await client.callTool({
      name: 'create_product',
      arguments: { name: 'Dry Mug', price: 3 },
      _meta: dryRun,
    });
    expect(product.isError).toBeFalsy();
    expect(product.structuredContent).toMatchObject({ name: 'Dry Mug', price: 3 });
    expect(await products()).toBe(before);

    const calls = plugins.calls.length;
    const payload = { user_id: 'u1', email: 'dry@example.com' };
    const email = await client.callTool({ name: EMAIL_TOOL, arguments: payload, _meta: dryRun });
    expect(email.isError).toBeFalsy();
    expect(email._meta).toMatchObject({
      'registry/execution': {
        dry_run: true,
        request: { url: `${plugins.url}/actions/send-welcome-email`, body: payload },
      },
    });
    expect(plugins.calls.length).toBe(calls);
    const recorded = await deps.db.actionExecution.findMany({
      where: { tenantId: tenant, dryRun: true },
    });
    expect(recorded.map((execution) => execution.actionType).sort()).toEqual([
      'create_product',
      'send_welcome_email',
    ]);
    expect(recorded.map((execution) => execution.source)).toEqual(['mcp', 'mcp']);
  });
});

describe('MCP access', () => {
  it('[MCP][AUTH]: a request without a credential gets 401, a bad token too', async () => {
    const anonymous = await post('', listRequest());
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await post('', listRequest(), 'not-a-token')).status).toBe(401);
    await expect(connect('not-a-token')).rejects.toMatchObject({ code: 401 });
  });

  it('[MCP][AUTH]: a plugin key lists the catalog but may not call a tool (403)', async () => {
    const plugin = await createPlugin(deps, tenant, pluginInput('key-holder'));
    const client = await connect(plugin.api_key);
    expect((await client.listTools()).tools.length).toBeGreaterThan(0);
    await expect(client.callTool({ name: 'create_product', arguments: {} })).rejects.toMatchObject({
      code: 403,
      message: expect.stringContaining('FORBIDDEN'),
    });
  });

  it('[MCP][AUTH]: GET and DELETE answer 405 (stateless: no stream, no session)', async () => {
    for (const method of ['GET', 'DELETE']) {
      const response = await fetch(new URL('/api/mcp', api.url), {
        method,
        headers: { authorization: `Bearer ${adminToken}` },
      });
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });
});

function listRequest() {
  return { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} };
}

function post(query: string, body: unknown, token?: string) {
  return fetch(new URL(`/api/mcp${query}`, api.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
}
