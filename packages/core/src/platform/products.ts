import type { Prisma } from '@registry/db';
import { z } from 'zod';
import { EventFailure } from '../errors/event-failure';
import { isForeignKeyViolation, isUniqueViolation } from '../errors/prisma-errors';
import { CREATES, DELETES, OVERWRITES } from './action-hints';
import { idField, money, shortText } from './fields';
import { definePlatformAction, type PlatformContext } from './platform-action';

const productFields = {
  name: shortText(200),
  description: z.string().max(5000).optional(),
  price: money,
  sku: shortText(100).optional(),
  stock: z.number().int().min(0).max(1_000_000_000).optional(),
  status: z.enum(['active', 'draft', 'archived']).optional(),
};

type ProductRow = Prisma.ProductGetPayload<object>;

export function toProductDto(row: ProductRow) {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    price: row.price.toNumber(),
    sku: row.sku,
    stock: row.stock,
    status: row.status,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export async function findProduct({ db, tenantId }: PlatformContext, id: string) {
  const product = await db.product.findFirst({ where: { id, tenantId } });
  if (!product) throw new EventFailure('NOT_FOUND', `Product not found: ${id}`);
  return product;
}

function skuConflict(error: unknown, sku: string | undefined): never {
  if (isUniqueViolation(error)) {
    throw new EventFailure('CONFLICT', `A product with sku "${sku}" already exists`);
  }
  throw error;
}

export const createProduct = definePlatformAction({
  action_type: 'create_product',
  title: 'Create Product',
  description: 'Adds a product to the catalog.',
  category: 'products',
  hints: CREATES,
  input: z.strictObject(productFields),
  async run({ db, tenantId }, input) {
    const row = await db.product
      .create({ data: { ...input, tenantId } })
      .catch((error) => skuConflict(error, input.sku));
    return toProductDto(row);
  },
});

export const updateProduct = definePlatformAction({
  action_type: 'update_product',
  title: 'Update Product',
  description: 'Changes a product; only the given fields change.',
  category: 'products',
  hints: OVERWRITES,
  input: z.strictObject({
    id: idField('Product ID required for update'),
    ...z.object(productFields).partial().shape,
  }),
  async run(ctx, { id, ...changes }) {
    await findProduct(ctx, id);
    const row = await ctx.db.product
      .update({ where: { id }, data: changes })
      .catch((error) => skuConflict(error, changes.sku));
    return toProductDto(row);
  },
});

export const deleteProduct = definePlatformAction({
  action_type: 'delete_product',
  title: 'Delete Product',
  description: 'Removes a product that no order refers to.',
  category: 'products',
  hints: DELETES,
  input: z.strictObject({ id: idField('Product ID required for deletion') }),
  async run(ctx, { id }) {
    await findProduct(ctx, id);
    try {
      await ctx.db.product.delete({ where: { id } });
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw new EventFailure(
          'CONFLICT',
          `Product ${id} is part of existing orders; archive it with update_product instead`,
        );
      }
      throw error;
    }
    return { id, deleted: true };
  },
});
