import { whenPresent } from '@registry/contracts';
import { z } from 'zod';
import { CREATES } from './action-hints';
import { findCustomer } from './customers';
import { quantity } from './fields';
import { definePlatformAction } from './platform-action';
import { findProduct } from './products';

/** Adding a product already in the cart increases its quantity. */
export const addToCart = definePlatformAction({
  action_type: 'add_to_cart',
  title: 'Add to Cart',
  description: "Adds a product to a customer's cart, or increases its quantity there.",
  category: 'cart',
  hints: CREATES,
  input: z.strictObject({
    customer_id: z.guid(whenPresent('must be a UUID')),
    product_id: z.guid(whenPresent('must be a UUID')),
    quantity: quantity.default(1),
  }),
  async run(ctx, input) {
    await findCustomer(ctx, input.customer_id);
    await findProduct(ctx, input.product_id);
    const key = {
      tenantId: ctx.tenantId,
      customerId: input.customer_id,
      productId: input.product_id,
    };
    const row = await ctx.db.cartItem.upsert({
      where: { tenantId_customerId_productId: key },
      create: { ...key, quantity: input.quantity },
      update: { quantity: { increment: input.quantity } },
    });
    return {
      id: row.id,
      customer_id: row.customerId,
      product_id: row.productId,
      quantity: row.quantity,
      updated_at: row.updatedAt.toISOString(),
    };
  },
});
