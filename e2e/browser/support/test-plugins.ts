import { echo, type PluginRoute, respondJson } from '@registry/testing';

/**
 * The test's own plugin server: one action that works, one whose upstream is down, and one
 * with a typed input schema.
 */
export const warehouseRoutes: Record<string, PluginRoute> = {
  '/': respondJson(200, { status: 'ok' }),
  '/actions/reserve-stock': echo,
  '/actions/ship-parcel': echo,
  '/actions/sync-inventory': respondJson(502, { error: 'warehouse system offline' }),
};

async function post(url: string, body: unknown): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`POST ${url}: ${response.status} ${await response.text()}`);
}

/** `warehouse` (the test server's actions) and `legacy-crm` (for activation tests). */
export async function registerTestPlugins(baseUrl: string, pluginUrl: string): Promise<void> {
  await post(`${baseUrl}/api/plugins`, {
    name: 'Warehouse',
    slug: 'warehouse',
    api_endpoint: pluginUrl,
  });
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
      },
    ],
  });
  await post(`${baseUrl}/api/plugins`, {
    name: 'Legacy CRM',
    slug: 'legacy-crm',
    api_endpoint: pluginUrl,
  });
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
}
