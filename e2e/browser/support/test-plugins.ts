import { ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import { answerChallenge, echo, type PluginRoute, respondJson } from '@registry/testing';

/** Signing secrets of the plugins this server acts for, by slug, learnt as they are created. */
const secrets = new Map<string, string>();

/**
 * The test's own plugin server: one action that works, one whose upstream is down, and one
 * with a typed input schema.
 */
export const warehouseRoutes: Record<string, PluginRoute> = {
  '/': respondJson(200, { status: 'ok' }),
  [ENDPOINT_VERIFICATION_PATH]: answerChallenge((slug) => secrets.get(slug)),
  '/actions/reserve-stock': echo,
  '/actions/ship-parcel': echo,
  '/actions/sync-inventory': respondJson(502, { error: 'warehouse system offline' }),
  // Answers outside its output_schema (`count` must be an integer): a succeeded mismatch.
  '/actions/count-stock': respondJson(200, { sku: 'A', count: 'many' }),
};

async function post(url: string, body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Creates a plugin on the test server, which learns its signing secret, as its owner would. */
async function createPlugin(
  baseUrl: string,
  name: string,
  slug: string,
  pluginUrl: string,
  delivery: { retry_schedule?: string } = {},
) {
  const created = (await post(`${baseUrl}/api/plugins`, {
    name,
    slug,
    api_endpoint: pluginUrl,
    delivery,
  })) as {
    plugin: { signing_secret: string };
  };
  secrets.set(slug, created.plugin.signing_secret);
}

async function verify(baseUrl: string, slug: string): Promise<void> {
  const answer = (await post(`${baseUrl}/api/plugins/${slug}/verify`)) as { verified: boolean };
  if (!answer.verified)
    throw new Error(`${slug}: endpoint not verified: ${JSON.stringify(answer)}`);
}

/**
 * `warehouse` (the test server's actions), `legacy-crm` (for activation tests) and
 * `stock-counter` (an output schema its answers break), all proven owners of their endpoint;
 * `late-mailer` still waits for its proof (for the verify button).
 */
export async function registerTestPlugins(baseUrl: string, pluginUrl: string): Promise<void> {
  // Two attempts in a row: a sync_inventory event is dead (out of attempts) by the time its
  // dispatch answers, where the server's schedule waits minutes between attempts. Two, not
  // more: two such events between successes stay below the circuit's threshold (5 failed calls).
  await createPlugin(baseUrl, 'Warehouse', 'warehouse', pluginUrl, { retry_schedule: '0s,0s' });
  await post(`${baseUrl}/api/plugins/warehouse/register-actions`, {
    actions: [
      {
        action_type: 'reserve_stock',
        title: 'Reserve Stock',
        description: 'Holds units of a SKU for an order',
        category: 'inventory',
        required_fields: ['sku', 'quantity'],
        optional_fields: ['warehouse', 'options'],
        endpoint: '/actions/reserve-stock',
      },
      {
        action_type: 'sync_inventory',
        title: 'Sync Inventory',
        description: 'Pushes stock levels to the warehouse system',
        category: 'inventory',
        required_fields: [],
        endpoint: '/actions/sync-inventory',
      },
      {
        action_type: 'ship_parcel',
        title: 'Ship Parcel',
        description: 'Books a courier for a parcel',
        category: 'shipping',
        endpoint: '/actions/ship-parcel',
        // What z.toJSONSchema writes for the plugin's zod input (the field lists derive from it).
        input_schema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          properties: {
            weight_kg: { type: 'number', exclusiveMinimum: 0 },
            service: { default: 'standard', type: 'string', enum: ['standard', 'express'] },
            signature: { type: 'boolean' },
            reference: { type: 'string', description: 'Your order number' },
          },
          required: ['weight_kg'],
        },
        // A parcel ships for a reserved order: the validator reserves first.
        examples: [
          {
            name: 'parcel for a reserved order',
            setup: [{ action_type: 'reserve_stock', payload: { sku: 'SKU-1', quantity: 1 } }],
            payload: { weight_kg: 2.5, reference: 'o-100' },
          },
        ],
      },
    ],
  });
  await createPlugin(baseUrl, 'Legacy CRM', 'legacy-crm', pluginUrl);
  await post(`${baseUrl}/api/plugins/legacy-crm/register-actions`, {
    actions: [
      {
        action_type: 'crm_sync_contact',
        title: 'Sync CRM Contact',
        category: 'crm',
        required_fields: ['email'],
        endpoint: '/actions/crm-sync-contact',
      },
    ],
  });
  await createPlugin(baseUrl, 'Stock Counter', 'stock-counter', pluginUrl);
  await post(`${baseUrl}/api/plugins/stock-counter/register-actions`, {
    actions: [
      {
        action_type: 'count_stock',
        title: 'Count Stock',
        description: 'Counts the units of a SKU on the shelves',
        category: 'stocktaking',
        required_fields: ['sku'],
        endpoint: '/actions/count-stock',
        output_schema: {
          type: 'object',
          properties: { sku: { type: 'string' }, count: { type: 'integer', minimum: 0 } },
          required: ['sku', 'count'],
        },
        output_example: { sku: 'A', count: 12 },
        read_only: true,
        idempotent: true,
      },
    ],
  });
  await verify(baseUrl, 'warehouse');
  await verify(baseUrl, 'legacy-crm');
  await verify(baseUrl, 'stock-counter');
  await createPlugin(baseUrl, 'Late Mailer', 'late-mailer', pluginUrl);
}
