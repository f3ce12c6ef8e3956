import { randomUUID } from 'node:crypto';
import { newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { platformActionRunner } from '../../test/support/platform-action-runner';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps();
const { perform, succeed, expectInvalidPayload } = platformActionRunner(deps);

/** A tenant's customer and two products, as the shop would have them. */
async function shop(tenantId: string) {
  const customer = await deps.db.customer.create({
    data: { tenantId, email: 'buyer@example.com' },
  });
  const mug = await deps.db.product.create({ data: { tenantId, name: 'Mug', price: 19.99 } });
  const tea = await deps.db.product.create({ data: { tenantId, name: 'Tea', price: 5.5 } });
  return { customer, mug, tea };
}

const ordersOf = (tenantId: string) =>
  deps.db.order.findMany({ where: { tenantId }, include: { items: true } });

describe('platform actions: orders', () => {
  it("[PLATFORM][ORDERS]: create_order places an order at the products' prices and computes the total", async () => {
    const tenant = newTenantId();
    const { customer, mug, tea } = await shop(tenant);

    const order = await succeed(tenant, 'create_order', {
      customer_id: customer.id,
      items: [
        { product_id: mug.id, quantity: 2 },
        { product_id: tea.id, quantity: 1 },
      ],
    });

    expect(order).toMatchObject({
      customer_id: customer.id,
      status: 'pending',
      total: 45.48,
      currency: 'USD',
    });
    const [row, ...others] = await ordersOf(tenant);
    expect(others).toHaveLength(0);
    expect(row?.id).toBe(order.id);
    expect(row?.total.toNumber()).toBe(45.48);
    expect(
      row?.items
        .map((item) => [item.productId, item.quantity, item.unitPrice.toNumber()])
        .sort((a, b) => Number(b[2]) - Number(a[2])),
    ).toEqual([
      [mug.id, 2, 19.99],
      [tea.id, 1, 5.5],
    ]);
  });

  it('[PLATFORM][ORDERS]: an unknown product is NOT_FOUND and no order is placed', async () => {
    const tenant = newTenantId();
    const { customer, mug } = await shop(tenant);
    const ghost = randomUUID();

    const result = await perform(tenant, 'create_order', {
      customer_id: customer.id,
      items: [
        { product_id: mug.id, quantity: 1 },
        { product_id: ghost, quantity: 1 },
      ],
    });

    expect(result).toMatchObject({ error_code: 'NOT_FOUND', error: `Product not found: ${ghost}` });
    expect(await ordersOf(tenant)).toEqual([]);
  });

  it("[PLATFORM][ORDERS]: another tenant's customer or product is NOT_FOUND", async () => {
    const tenant = newTenantId();
    const mine = await shop(tenant);
    const theirs = await shop(newTenantId());

    const foreignCustomer = await perform(tenant, 'create_order', {
      customer_id: theirs.customer.id,
      items: [{ product_id: mine.mug.id, quantity: 1 }],
    });
    const foreignProduct = await perform(tenant, 'create_order', {
      customer_id: mine.customer.id,
      items: [{ product_id: theirs.mug.id, quantity: 1 }],
    });

    expect(foreignCustomer).toMatchObject({
      error_code: 'NOT_FOUND',
      error: `Customer not found: ${theirs.customer.id}`,
    });
    expect(foreignProduct).toMatchObject({
      error_code: 'NOT_FOUND',
      error: `Product not found: ${theirs.mug.id}`,
    });
    expect(await ordersOf(tenant)).toEqual([]);
  });

  it('[PLATFORM][PAYLOAD]: create_order refuses an empty or malformed item list, naming the field', async () => {
    const tenant = newTenantId();
    const { customer, mug } = await shop(tenant);
    const cases: [Record<string, unknown>, string][] = [
      [{ customer_id: customer.id, items: [] }, 'payload.items: must contain at least one item'],
      [
        { customer_id: customer.id, items: [{ product_id: mug.id, quantity: 0 }] },
        'payload.items[0].quantity: ',
      ],
      [
        { customer_id: customer.id, items: [{ product_id: mug.id, quantity: 1, price: 0 }] },
        'payload.items[0]: unknown field "price"',
      ],
      [
        { customer_id: customer.id, items: [{ product_id: mug.id, quantity: 1 }], currency: 'usd' },
        'payload.currency: ',
      ],
    ];
    for (const [payload, message] of cases) {
      await expectInvalidPayload(tenant, 'create_order', payload, message);
    }
    expect(await ordersOf(tenant)).toEqual([]);
  });

  it('[PLATFORM][ORDERS]: update_order_status moves the order and reports the previous status', async () => {
    const tenant = newTenantId();
    const { customer, tea } = await shop(tenant);
    const order = await succeed(tenant, 'create_order', {
      customer_id: customer.id,
      items: [{ product_id: tea.id, quantity: 3 }],
    });

    const paid = await succeed(tenant, 'update_order_status', { id: order.id, status: 'paid' });

    expect(paid).toMatchObject({ id: order.id, status: 'paid', previous_status: 'pending' });
    const row = await deps.db.order.findUniqueOrThrow({ where: { id: String(order.id) } });
    expect(row.status).toBe('paid');
  });

  it('[PLATFORM][ORDERS]: a cancelled order stays cancelled (CONFLICT)', async () => {
    const tenant = newTenantId();
    const { customer, tea } = await shop(tenant);
    const order = await succeed(tenant, 'create_order', {
      customer_id: customer.id,
      items: [{ product_id: tea.id, quantity: 1 }],
    });
    await succeed(tenant, 'update_order_status', { id: order.id, status: 'cancelled' });

    const result = await perform(tenant, 'update_order_status', {
      id: order.id,
      status: 'shipped',
    });

    expect(result).toMatchObject({
      error_code: 'CONFLICT',
      error: `Order ${order.id} is cancelled; its status is final`,
    });
    const row = await deps.db.order.findUniqueOrThrow({ where: { id: String(order.id) } });
    expect(row.status).toBe('cancelled');
  });

  it("[PLATFORM][ORDERS]: update_order_status refuses a missing id, an unknown status and another tenant's order", async () => {
    const tenant = newTenantId();
    const theirs = await shop(newTenantId());
    const theirOrder = await deps.db.order.create({
      data: { tenantId: theirs.customer.tenantId, customerId: theirs.customer.id, total: 1 },
    });

    expect(await perform(tenant, 'update_order_status', { status: 'paid' })).toMatchObject({
      error_code: 'INVALID_PAYLOAD',
      error:
        'Invalid payload for update_order_status: payload.id: Order ID required for status update',
    });
    const lost = await perform(tenant, 'update_order_status', {
      id: theirOrder.id,
      status: 'lost',
    });
    expect(lost.success === false && lost.error).toContain(
      'payload.status: must be one of pending',
    );
    expect(
      await perform(tenant, 'update_order_status', { id: theirOrder.id, status: 'paid' }),
    ).toMatchObject({ error_code: 'NOT_FOUND', error: `Order not found: ${theirOrder.id}` });
    const row = await deps.db.order.findUniqueOrThrow({ where: { id: theirOrder.id } });
    expect(row.status).toBe('pending');
  });
});
