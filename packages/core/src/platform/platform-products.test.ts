import { randomUUID } from 'node:crypto';
import { newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { platformActionRunner } from '../../test/support/platform-action-runner';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps();
const { perform, succeed } = platformActionRunner(deps);

const insertProduct = (tenantId: string, name = 'Mug', price = 9.5) =>
  deps.db.product.create({ data: { tenantId, name, price } });

describe('platform actions: products', () => {
  it('[PLATFORM][PRODUCTS]: create_product adds a product to the catalog', async () => {
    const tenant = newTenantId();
    const created = await succeed(tenant, 'create_product', {
      name: 'New Product',
      description: 'Created via automation',
      price: 29.99,
      sku: 'NP-1',
      stock: 0,
    });

    const row = await deps.db.product.findFirstOrThrow({ where: { tenantId: tenant } });
    expect(created).toMatchObject({ id: row.id, name: 'New Product', price: 29.99, stock: 0 });
    expect(row).toMatchObject({ name: 'New Product', sku: 'NP-1', stock: 0, status: 'active' });
    expect(row.description).toBe('Created via automation');
    expect(row.price.toNumber()).toBe(29.99);
  });

  it('[PLATFORM][PRODUCTS]: update_product changes only the fields given', async () => {
    const tenant = newTenantId();
    const product = await insertProduct(tenant, 'Mug', 9.5);

    const updated = await succeed(tenant, 'update_product', { id: product.id, price: 12 });

    expect(updated).toMatchObject({ id: product.id, name: 'Mug', price: 12 });
    const row = await deps.db.product.findUniqueOrThrow({ where: { id: product.id } });
    expect([row.name, row.price.toNumber()]).toEqual(['Mug', 12]);
  });

  it('[PLATFORM][PRODUCTS]: delete_product removes the product', async () => {
    const tenant = newTenantId();
    const product = await insertProduct(tenant);

    expect(await succeed(tenant, 'delete_product', { id: product.id })).toEqual({
      id: product.id,
      deleted: true,
    });
    expect(await deps.db.product.count({ where: { tenantId: tenant } })).toBe(0);
  });

  it("[PLATFORM][PRODUCTS]: a missing or null id fails with the seed's messages", async () => {
    const tenant = newTenantId();
    const cases = [
      ['update_product', {}, 'Product ID required for update'],
      ['update_product', { id: null, name: 'X' }, 'Product ID required for update'],
      ['delete_product', {}, 'Product ID required for deletion'],
    ] as const;
    for (const [type, payload, message] of cases) {
      expect(await perform(tenant, type, payload)).toMatchObject({
        success: false,
        error_code: 'INVALID_PAYLOAD',
        error: `Invalid payload for ${type}: payload.id: ${message}`,
      });
    }
  });

  it("[PLATFORM][PRODUCTS]: another tenant's product or an unknown id is NOT_FOUND and stays as it was", async () => {
    const tenant = newTenantId();
    const theirs = await insertProduct(newTenantId(), 'Theirs', 5);

    for (const type of ['update_product', 'delete_product']) {
      const payload = type === 'update_product' ? { id: theirs.id, price: 1 } : { id: theirs.id };
      expect(await perform(tenant, type, payload)).toMatchObject({
        error_code: 'NOT_FOUND',
        error: `Product not found: ${theirs.id}`,
      });
    }
    expect(await perform(tenant, 'delete_product', { id: randomUUID() })).toMatchObject({
      error_code: 'NOT_FOUND',
    });
    const row = await deps.db.product.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(row.price.toNumber()).toBe(5);
  });

  it('[PLATFORM][PRODUCTS]: a product on an order cannot be deleted (CONFLICT)', async () => {
    const tenant = newTenantId();
    const product = await insertProduct(tenant);
    const customer = await deps.db.customer.create({ data: { tenantId: tenant, email: 'o@x.io' } });
    await succeed(tenant, 'create_order', {
      customer_id: customer.id,
      items: [{ product_id: product.id, quantity: 1 }],
    });

    expect(await perform(tenant, 'delete_product', { id: product.id })).toMatchObject({
      error_code: 'CONFLICT',
    });
    expect(await deps.db.product.count({ where: { id: product.id } })).toBe(1);
  });

  it('[PLATFORM][PRODUCTS]: a second product with the same sku is a CONFLICT', async () => {
    const tenant = newTenantId();
    await succeed(tenant, 'create_product', { name: 'A', price: 1, sku: 'DUP' });
    expect(
      await perform(tenant, 'create_product', { name: 'B', price: 2, sku: 'DUP' }),
    ).toMatchObject({
      error_code: 'CONFLICT',
      error: 'A product with sku "DUP" already exists',
    });
    expect(await deps.db.product.count({ where: { tenantId: tenant } })).toBe(1);
  });

  it('[PLATFORM][PAYLOAD]: invalid and unknown fields fail with INVALID_PAYLOAD naming the field', async () => {
    const tenant = newTenantId();
    const cases: [Record<string, unknown>, string][] = [
      [{ price: 1 }, 'payload.name: is required'],
      [{ name: 'A', price: -1 }, 'payload.price: must not be negative'],
      [{ name: 'A', price: 'cheap' }, 'payload.price: expected number, received "cheap"'],
      [{ name: 'A', price: 1.234 }, 'payload.price: must have at most 2 decimal places'],
      [{ name: 'A', price: 1, colour: 'red' }, 'payload: unknown field "colour"'],
    ];
    for (const [payload, message] of cases) {
      const result = await perform(tenant, 'create_product', payload);
      expect(result).toMatchObject({ success: false, error_code: 'INVALID_PAYLOAD' });
      expect(result.success === false && result.error).toContain(message);
    }
    expect(await deps.db.product.count({ where: { tenantId: tenant } })).toBe(0);
  });
});
