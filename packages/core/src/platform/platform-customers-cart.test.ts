import { randomUUID } from 'node:crypto';
import { newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { platformActionRunner } from '../../test/support/platform-action-runner';
import { testRegistryDeps } from '../../test/support/test-registry-deps';

const deps = testRegistryDeps();
const { perform, succeed, expectInvalidPayload } = platformActionRunner(deps);

const insertCustomer = (tenantId: string, email: string) =>
  deps.db.customer.create({ data: { tenantId, email, firstName: 'Jane' } });

describe('platform actions: customers', () => {
  it('[PLATFORM][CUSTOMERS]: create_customer creates, and the same email again updates that customer', async () => {
    const tenant = newTenantId();
    const first = await succeed(tenant, 'create_customer', {
      email: 'newcustomer@example.com',
      first_name: 'Jane',
      last_name: 'Doe',
    });
    const again = await succeed(tenant, 'create_customer', {
      email: 'newcustomer@example.com',
      first_name: 'Janet',
      phone: '+1 555 0100',
    });

    expect(first).toMatchObject({ created: true, first_name: 'Jane', last_name: 'Doe' });
    expect(again).toMatchObject({ created: false, id: first.id, first_name: 'Janet' });
    const rows = await deps.db.customer.findMany({ where: { tenantId: tenant } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ firstName: 'Janet', lastName: 'Doe', phone: '+1 555 0100' });
  });

  it('[PLATFORM][CUSTOMERS]: the same email in another tenant is another customer', async () => {
    const [one, two] = [newTenantId(), newTenantId()];
    await succeed(one, 'create_customer', { email: 'shared@example.com' });
    expect(await succeed(two, 'create_customer', { email: 'shared@example.com' })).toMatchObject({
      created: true,
    });
  });

  it('[PLATFORM][CUSTOMERS]: update_customer changes the given fields of that customer', async () => {
    const tenant = newTenantId();
    const customer = await insertCustomer(tenant, 'before@example.com');

    await succeed(tenant, 'update_customer', { id: customer.id, email: 'after@example.com' });

    const row = await deps.db.customer.findUniqueOrThrow({ where: { id: customer.id } });
    expect(row).toMatchObject({ email: 'after@example.com', firstName: 'Jane' });
  });

  it('[PLATFORM][CUSTOMERS]: update_customer refuses a missing id, a stranger and a taken email', async () => {
    const tenant = newTenantId();
    const mine = await insertCustomer(tenant, 'mine@example.com');
    await insertCustomer(tenant, 'taken@example.com');
    const theirs = await insertCustomer(newTenantId(), 'theirs@example.com');

    expect(await perform(tenant, 'update_customer', { first_name: 'X' })).toMatchObject({
      error_code: 'INVALID_PAYLOAD',
      error: 'Invalid payload for update_customer: payload.id: Customer ID required for update',
    });
    expect(
      await perform(tenant, 'update_customer', { id: theirs.id, first_name: 'X' }),
    ).toMatchObject({ error_code: 'NOT_FOUND', error: `Customer not found: ${theirs.id}` });
    expect(
      await perform(tenant, 'update_customer', { id: mine.id, email: 'taken@example.com' }),
    ).toMatchObject({ error_code: 'CONFLICT' });
    const untouched = await deps.db.customer.findUniqueOrThrow({ where: { id: theirs.id } });
    expect(untouched.firstName).toBe('Jane');
  });

  it('[PLATFORM][PAYLOAD]: customer payloads name the offending field', async () => {
    const tenant = newTenantId();
    const cases: [Record<string, unknown>, string][] = [
      [{ first_name: 'A' }, 'payload.email: '],
      [{ email: 'not-an-email' }, 'payload.email: must be an email address'],
      [{ email: 'a@example.com', nickname: 'Al' }, 'payload: unknown field "nickname"'],
    ];
    for (const [payload, message] of cases) {
      await expectInvalidPayload(tenant, 'create_customer', payload, message);
    }
  });
});

describe('platform actions: cart', () => {
  it('[PLATFORM][CART]: add_to_cart adds a line, and adding the product again increases its quantity', async () => {
    const tenant = newTenantId();
    const customer = await insertCustomer(tenant, 'cart@example.com');
    const product = await deps.db.product.create({
      data: { tenantId: tenant, name: 'Tea', price: 4 },
    });
    const line = { customer_id: customer.id, product_id: product.id };

    expect(await succeed(tenant, 'add_to_cart', line)).toMatchObject({ quantity: 1 });
    expect(await succeed(tenant, 'add_to_cart', { ...line, quantity: 2 })).toMatchObject({
      quantity: 3,
    });

    const rows = await deps.db.cartItem.findMany({ where: { tenantId: tenant } });
    expect(rows.map((row) => [row.customerId, row.productId, row.quantity])).toEqual([
      [customer.id, product.id, 3],
    ]);
  });

  it("[PLATFORM][CART]: an unknown or another tenant's customer or product is NOT_FOUND", async () => {
    const tenant = newTenantId();
    const other = newTenantId();
    const customer = await insertCustomer(tenant, 'c@example.com');
    const product = await deps.db.product.create({
      data: { tenantId: tenant, name: 'Tea', price: 4 },
    });
    const theirProduct = await deps.db.product.create({
      data: { tenantId: other, name: 'T', price: 1 },
    });
    const theirCustomer = await insertCustomer(other, 'c@example.com');

    for (const line of [
      { customer_id: randomUUID(), product_id: product.id },
      { customer_id: theirCustomer.id, product_id: product.id },
      { customer_id: customer.id, product_id: theirProduct.id },
    ]) {
      expect(await perform(tenant, 'add_to_cart', line)).toMatchObject({ error_code: 'NOT_FOUND' });
    }
    expect(await deps.db.cartItem.count({ where: { tenantId: { in: [tenant, other] } } })).toBe(0);
  });

  it('[PLATFORM][PAYLOAD]: add_to_cart refuses a quantity that is not a positive whole number', async () => {
    const tenant = newTenantId();
    const customer = await insertCustomer(tenant, 'q@example.com');
    for (const quantity of [0, 1.5, '2']) {
      await expectInvalidPayload(
        tenant,
        'add_to_cart',
        { customer_id: customer.id, product_id: randomUUID(), quantity },
        'payload.quantity: ',
      );
    }
  });
});
