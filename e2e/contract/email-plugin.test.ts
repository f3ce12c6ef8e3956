import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CreatedPlugin, DiscoveredAction, DispatchResponse } from '@registry/contracts';
import { startEmailPlugin } from '@registry/email-plugin';
import { brokenPluginActions, startBrokenPlugin } from '@registry/testing';
import { freePort } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productApi } from '../support/product-api';
import { runRegistryCli } from '../support/registry-cli';
import { type RunningProduct, startProduct } from '../support/running-product';

const EMAIL_PLUGIN_ID = '87312788-df51-4002-8eca-9cfc3e3f7d8e';

/** One realistic payload per email action, as an automation flow would send it. */
const PAYLOADS: Record<string, Record<string, unknown>> = {
  send_welcome_email: { user_id: 'u1', email: 'ada@example.com', first_name: 'Ada' },
  send_order_confirmation: { user_id: 'u1', order_id: 'o-100', include_tracking: true },
  send_abandoned_cart_email: { user_id: 'u1', cart_id: 'c-7', discount_code: 'COMEBACK10' },
  send_shipping_update: {
    user_id: 'u1',
    order_id: 'o-100',
    tracking_number: '1Z999',
    carrier: 'ups',
  },
  send_password_reset: {
    user_id: 'u1',
    email: 'ada@example.com',
    reset_url: 'https://shop.example.com/reset/abc',
  },
  send_review_request: { user_id: 'u1', order_id: 'o-100', product_ids: ['p-1', 'p-2'] },
  send_back_in_stock: { user_id: 'u1', email: 'ada@example.com', product_id: 'p-3' },
  send_birthday_email: { user_id: 'u1', email: 'ada@example.com', coupon_code: 'BDAY' },
  send_win_back_email: { user_id: 'u1', email: 'ada@example.com', days_inactive: 120 },
  send_newsletter: { email: 'ada@example.com', subject: 'November news', issue_number: 11 },
};

let product: RunningProduct;
/** This file's own plugin servers on loopback, allowed by their ports like a developer's. */
let broken: Awaited<ReturnType<typeof startBrokenPlugin>>;
let emailProofPort: number;
beforeAll(async () => {
  broken = await startBrokenPlugin();
  emailProofPort = await freePort();
  product = await startProduct({
    allowedAddresses: `${new URL(broken.url).host},127.0.0.1:${emailProofPort}`,
  });
});
afterAll(async () => {
  await product?.stop();
  await broken?.close();
});

const api = (method: string, path: string, body?: unknown) =>
  productApi(product.baseUrl, method, path, body);

describe('the sample email plugin the start command runs', () => {
  it('[EMAIL][START]: registered its ten actions with their input schemas', async () => {
    expect(product.output()).toContain('Registered 10 actions for plugin: email-automation');
    expect(product.output()).toContain('Email plugin: Endpoint verified');
    const { actions } = (await api('GET', '/api/plugins/actions?plugin=email-automation')) as {
      actions: DiscoveredAction[];
    };
    expect(actions.map((action) => action.action_type).sort()).toEqual(
      Object.keys(PAYLOADS).sort(),
    );
    for (const action of actions) expect(action.input_schema).toMatchObject({ type: 'object' });
  });

  it('[EMAIL][DISPATCH]: each action dispatched through the automation endpoint lands an email in its outbox', async () => {
    const answer = (await api('POST', '/api/plugins/events/automation', {
      flow_execution_id: 'email-proof',
      events: Object.entries(PAYLOADS).map(([action_type, payload]) => ({
        action_type,
        plugin_id: EMAIL_PLUGIN_ID,
        payload,
      })),
    })) as DispatchResponse;
    expect(answer.results.filter((result) => !result.success)).toEqual([]);
    expect(answer.summary).toMatchObject({ total: 10, successful: 10, failed: 0 });

    const outbox = (await (await fetch(`${product.emailPluginUrl}/outbox`)).json()) as {
      emails: { action_type: string; to: string; flow_execution_id: string }[];
    };
    const sent = outbox.emails.filter((email) => email.flow_execution_id === 'email-proof');
    expect(sent.map((email) => email.action_type).sort()).toEqual(Object.keys(PAYLOADS).sort());
    expect(sent.find((email) => email.action_type === 'send_review_request')?.to).toBe(
      'customer u1',
    );
    const page = await (await fetch(`${product.emailPluginUrl}/`)).text();
    expect(page).toContain('November news');
  });
});

describe('dry runs of the email plugin', () => {
  it('[EMAIL][DRY_RUN]: a dry run of each action reaches the plugin with webhook-dry-run and leaves its outbox unchanged', async () => {
    const outbox = async () =>
      ((await (await fetch(`${product.emailPluginUrl}/outbox`)).json()) as { emails: unknown[] })
        .emails;
    const before = await outbox();
    const answer = (await api('POST', '/api/plugins/events/automation', {
      dry_run: true,
      flow_execution_id: 'email-dry-run',
      events: Object.entries(PAYLOADS).map(([action_type, payload]) => ({
        action_type,
        plugin_id: EMAIL_PLUGIN_ID,
        payload,
      })),
    })) as DispatchResponse;
    expect(answer.dry_run).toBe(true);
    expect(answer.summary).toMatchObject({ total: 10, successful: 10 });
    for (const result of answer.results) {
      expect(result).toMatchObject({
        success: true,
        dry_run: true,
        attempts: 1,
        result: { dry_run: true, success: true },
        request: { headers: { 'webhook-dry-run': 'true' } },
      });
    }
    expect(await outbox()).toEqual(before);
  });
});

describe('an MCP client on the official SDK, against the started product', () => {
  it("[MCP][START]: lists the seed plugins' actions as tools and calls one: the email lands in the outbox", async () => {
    const client = new Client({ name: 'e2e-agent', version: '1.0.0' });
    // Local mode on loopback: no credential, as an agent on the operator's machine would connect.
    await client.connect(new StreamableHTTPClientTransport(new URL('/api/mcp', product.baseUrl)));
    try {
      const names: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await client.listTools(cursor ? { cursor } : {});
        names.push(...page.tools.map((tool) => tool.name));
        cursor = page.nextCursor;
      } while (cursor);
      expect(names).toEqual(
        expect.arrayContaining([
          'create_product',
          ...Object.keys(PAYLOADS).map((type) => `email-automation__${type}`),
        ]),
      );

      const answer = await client.callTool({
        name: 'email-automation__send_welcome_email',
        arguments: { user_id: 'u-mcp', email: 'mcp@example.com', first_name: 'Grace' },
      });
      expect(answer.isError ?? false).toBe(false);
      const outbox = (await (await fetch(`${product.emailPluginUrl}/outbox`)).json()) as {
        emails: { action_type: string; to: string }[];
      };
      expect(outbox.emails).toContainEqual(
        expect.objectContaining({ action_type: 'send_welcome_email', to: 'mcp@example.com' }),
      );
    } finally {
      await client.close();
    }
  });
});

describe('pnpm registry validate-plugin', () => {
  it("[VALIDATOR][CLI]: the start command's own email plugin passes, validated by the registry with the secret it holds: exit 0", async () => {
    const run = await runRegistryCli([
      'validate-plugin',
      'email-automation',
      '--url',
      product.baseUrl,
    ]);
    console.log(run.stdout);
    expect(run.stdout).toContain('All 10 actions passed.');
    expect(run.code).toBe(0);
  });

  it('[VALIDATOR][CLI]: the email plugin passes: exit 0', async () => {
    // A second instance, created through the API so the test holds its key and secret.
    const port = emailProofPort;
    const { plugin: created } = (await api('POST', '/api/plugins', {
      name: 'Email Automation (validator proof)',
      slug: 'email-proof',
      api_endpoint: `http://127.0.0.1:${port}`,
    })) as { plugin: CreatedPlugin };
    const { api_key, signing_secret } = created;
    const plugin = await startEmailPlugin({
      slug: 'email-proof',
      port,
      signingSecrets: [signing_secret],
      registry: { url: product.baseUrl, apiKey: api_key },
    });
    try {
      // Created with an endpoint, it waited for the proof its server gave once listening.
      expect(plugin.connection?.verification).toMatchObject({ verified: true, status: 'active' });
      const run = await runRegistryCli([
        'validate-plugin',
        'email-proof',
        '--url',
        product.baseUrl,
        '--secret',
        signing_secret,
      ]);
      console.log(run.stdout);
      expect(run.stdout).toContain('All 10 actions passed.');
      expect(run.code).toBe(0);
      expect(plugin.sent().length).toBeGreaterThanOrEqual(10);
    } finally {
      await plugin.close();
    }
  });

  it('[VALIDATOR][CLI]: a broken plugin fails, each violation named: exit 1', async () => {
    await api('POST', '/api/plugins', {
      name: 'Broken',
      slug: 'broken',
      api_endpoint: broken.url,
    });
    await api('POST', '/api/plugins/broken/register-actions', { actions: brokenPluginActions });
    const run = await runRegistryCli(['validate-plugin', 'broken', '--url', product.baseUrl]);
    console.log(run.stdout);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✓ behaves: 7/7 checks passed');
    expect(run.stdout).toContain('accepted an invalid payload with 200');
    expect(run.stdout).toContain('✗ quantity 0, below its minimum 1 (expected 4xx)');
    expect(run.stdout).toContain('answered 200 with a body that is not JSON');
    expect(run.stdout).toContain('timed out: Plugin did not answer within 300 ms');
    expect(run.stdout).toContain('answered 500: {"error":"boom"}');
    // Takes −5 (and 0) for its positive quantity: caught at the edge.
    expect(run.stdout).toContain('✗ lax_bounds: 6/7 checks passed');
    expect(run.stdout).toContain('5 of 6 actions failed.');
  });
});
