import { createRegistryClient } from '@registry/client';
import type {
  ConnectivityResult,
  CreatedPlugin,
  DiscoveredAction,
  DispatchResponse,
  Plugin,
} from '@registry/contracts';
import { listenAll } from '@registry/plugin-sdk';
import {
  createAnalyticsPlugin,
  createLoyaltyPlugin,
  createSlackPlugin,
  createSmsPlugin,
} from '@registry/sample-plugins';
import { freePort } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { productApi } from '../support/product-api';
import { runRegistryCli } from '../support/registry-cli';
import { type RunningProduct, startProduct } from '../support/running-product';

/** One action of each seed plugin, as an automation flow would fire it, and where it shows. */
const PROOFS = [
  {
    slug: 'email-automation',
    label: 'Email plugin',
    action_type: 'send_welcome_email',
    payload: { user_id: 'user_456', email: 'test@example.com', first_name: 'John' },
    log: { path: '/outbox', list: 'emails' },
  },
  {
    slug: 'sms-notifications',
    label: 'SMS plugin',
    action_type: 'send_order_shipped_sms',
    payload: { phone: '+15550100', order_id: 'o-100', tracking_number: '1Z999' },
    log: { path: '/outbox', list: 'messages' },
  },
  {
    slug: 'slack-alerts',
    label: 'Slack plugin',
    action_type: 'create_slack_notification',
    payload: { channel: '#orders', message: 'Order o-100 paid', mention: '@here' },
    log: { path: '/outbox', list: 'messages' },
  },
  {
    slug: 'analytics-tracker',
    label: 'Analytics plugin',
    action_type: 'track_event',
    payload: { event_name: 'checkout.completed', user_id: 'user_456', properties: { total: 42 } },
    log: { path: '/events', list: 'events' },
  },
] as const;

let product: RunningProduct;
/** Where the validator proof below serves its plugins: allowed like a developer's own. */
let proofPort: number;
beforeAll(async () => {
  proofPort = await freePort();
  product = await startProduct({ allowedAddresses: `127.0.0.1:${proofPort}` });
});
afterAll(() => product?.stop());

const api = <T>(method: string, path: string, body?: unknown) =>
  productApi<T>(product.baseUrl, method, path, body);

const plugin = async (slug: string) =>
  (await api<{ plugin: Plugin }>('GET', `/api/plugins/${slug}`)).plugin;

describe('the seed plugins the start command runs', () => {
  it('[SEED-PLUGINS][START]: each registered its schema-typed actions and proved its endpoint', async () => {
    for (const { label } of PROOFS) {
      expect(product.output()).toContain(`${label}: Registered`);
      expect(product.output()).toContain(`${label}: Endpoint verified`);
    }
    const { actions } = await api<{ actions: DiscoveredAction[] }>(
      'GET',
      '/api/plugins/actions?plugin=sms-notifications',
    );
    expect(actions.map((action) => [action.action_type, action.required_fields])).toEqual([
      ['send_abandoned_cart_sms', ['phone', 'cart_id']],
      ['send_order_shipped_sms', ['phone', 'order_id']],
    ]);
    for (const action of actions) expect(action.input_schema).toMatchObject({ type: 'object' });
    // Seeded inactive, and proving its endpoint did not activate it.
    expect(await plugin('analytics-tracker')).toMatchObject({ status: 'inactive' });
  });

  it('[SEED-PLUGINS][DISPATCH]: one action of each seed plugin succeeds and lands in its log', async () => {
    // The dashboard's Activate button: analytics-tracker is seeded inactive.
    const registry = createRegistryClient({ url: product.baseUrl });
    await registry.plugins.setStatus.mutate({ slug: 'analytics-tracker', status: 'active' });

    const plugins = await Promise.all(PROOFS.map(({ slug }) => plugin(slug)));
    const answer = await api<DispatchResponse>('POST', '/api/plugins/events/automation', {
      flow_execution_id: 'seed-plugins-proof',
      events: PROOFS.map(({ action_type, payload }, index) => ({
        action_type,
        plugin_id: plugins[index]?.id,
        payload,
      })),
    });
    expect(answer.results.filter((result) => !result.success)).toEqual([]);
    expect(answer.summary).toMatchObject({ total: 4, successful: 4, failed: 0 });

    for (const [index, { action_type, log }] of PROOFS.entries()) {
      const url = `${plugins[index]?.api_endpoint}${log.path}`;
      const entries = ((await (await fetch(url)).json()) as Record<string, unknown[]>)[log.list];
      expect(entries, url).toContainEqual(
        expect.objectContaining({ action_type, flow_execution_id: 'seed-plugins-proof' }),
      );
    }
  });
});

describe("the start command's plugin URL policy", () => {
  it("[SEED-PLUGINS][ADDRESSES]: only the seed plugins' port of this machine is a plugin address", async () => {
    // The registry itself is another service on loopback: no plugin may be pointed at it. (The
    // two allowed ports: the seed plugins' and this file's validator proof's.)
    const registryItself = `http://127.0.0.1:${new URL(product.baseUrl).port}`;
    await api('POST', '/api/plugins', {
      name: 'Prober',
      slug: 'loopback-prober',
      api_endpoint: registryItself,
    });
    const probed = await api<ConnectivityResult>('POST', '/api/plugins/loopback-prober/test');
    expect(probed).toMatchObject({ success: false, status: null });
    expect(probed.message).toMatch(
      /^Plugin address 127\.0\.0\.1 is not allowed \(loopback; allowed on ports \d+, \d+ only\)$/,
    );
    const seed = await api<ConnectivityResult>('POST', '/api/plugins/sms-notifications/test');
    expect(seed).toMatchObject({ success: true });
  });
});

describe('pnpm registry validate-plugin', () => {
  it('[VALIDATOR][CLI]: the SMS, Slack, analytics and loyalty plugins pass, served together below their paths', async () => {
    // Second instances, created through the API so the test holds their keys and secrets.
    const port = proofPort;
    const factories = [
      createSmsPlugin,
      createSlackPlugin,
      createAnalyticsPlugin,
      createLoyaltyPlugin,
    ];
    const created = [];
    for (const create of factories) {
      const slug = `${create().slug}-proof`;
      const { plugin } = await api<{ plugin: CreatedPlugin }>('POST', '/api/plugins', {
        name: `${slug} (validator proof)`,
        slug,
        api_endpoint: `http://127.0.0.1:${port}/${slug}`,
      });
      created.push({ slug, plugin, create });
    }
    const mounts = created.map(({ slug, plugin, create }) => ({
      plugin: create(undefined, slug),
      basePath: `/${slug}`,
      signingSecrets: [plugin.signing_secret],
    }));
    const server = await listenAll(mounts, { port });
    const printed: string[] = [];
    try {
      for (const [index, served] of server.plugins.entries()) {
        const { slug, plugin } = created[index] as (typeof created)[number];
        const connection = await served.connect({ url: product.baseUrl, apiKey: plugin.api_key });
        expect(connection.verification).toMatchObject({ verified: true, status: 'active' });
        const run = await runRegistryCli([
          'validate-plugin',
          slug,
          '--url',
          product.baseUrl,
          '--secret',
          plugin.signing_secret,
        ]);
        console.log(run.stdout);
        printed.push(run.stdout);
        // Every action the plugin declares was registered and passed: "All 0" would not do.
        const declared = mounts[index]?.plugin.actions.length ?? 0;
        expect(declared).toBeGreaterThan(0);
        expect(run.stdout).toContain(`All ${declared} actions passed.`);
        expect(run.code).toBe(0);
      }
      // The loyalty plugin's example was registered, and run with its fixture first.
      expect(printed.at(-1)).toContain(
        '✓ example "first redemption": setup award_points → 200, redeem_points → 200',
      );
    } finally {
      await server.close();
    }
  });
});
