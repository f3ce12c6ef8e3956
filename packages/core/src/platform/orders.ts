import { whenPresent } from '@registry/contracts';
import { Prisma } from '@registry/db';
import { z } from 'zod';
import { EventFailure } from '../errors/event-failure';
import { CREATES, OVERWRITES } from './action-hints';
import { findCustomer } from './customers';
import { idField, quantity } from './fields';
import { definePlatformAction } from './platform-action';

export const ORDER_STATUSES = [
  'pending',
  'paid',
  'processing',
  'shipped',
  'delivered',
  'cancelled',
  'refunded',
] as const;
const FINAL_STATUSES = new Set<string>(['cancelled', 'refunded']);

const orderInclude = { items: true } satisfies Prisma.OrderInclude;
type OrderRow = Prisma.OrderGetPayload<{ include: typeof orderInclude }>;

function toOrderDto(row: OrderRow) {
  return {
    id: row.id,
    customer_id: row.customerId,
    status: row.status,
    total: row.total.toNumber(),
    currency: row.currency,
    items: row.items.map((item) => ({
      product_id: item.productId,
      quantity: item.quantity,
      unit_price: item.unitPrice.toNumber(),
    })),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

export const createOrder = definePlatformAction({
  action_type: 'create_order',
  title: 'Create Order',
  description: "Places an order for a customer at the products' current prices.",
  category: 'orders',
  hints: CREATES,
  input: z.strictObject({
    customer_id: z.guid(whenPresent('must be a UUID')),
    items: z
      .array(z.strictObject({ product_id: z.guid(whenPresent('must be a UUID')), quantity }))
      .min(1, 'must contain at least one item')
      .max(100, 'must contain at most 100 items'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code')
      .optional(),
  }),
  async run(ctx, input) {
    await findCustomer(ctx, input.customer_id);
    const ids = [...new Set(input.items.map((item) => item.product_id))];
    const products = await ctx.db.product.findMany({
      where: { tenantId: ctx.tenantId, id: { in: ids } },
      select: { id: true, price: true, status: true },
    });
    const byId = new Map(products.map((product) => [product.id, product]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) {
      throw new EventFailure('NOT_FOUND', `Product not found: ${missing.join(', ')}`);
    }
    const unavailable = products.filter((product) => product.status !== 'active');
    if (unavailable.length > 0) {
      throw new EventFailure(
        'CONFLICT',
        `Product not available for sale: ${unavailable.map((p) => p.id).join(', ')}`,
      );
    }
    const lines = input.items.map((item) => ({
      productId: item.product_id,
      quantity: item.quantity,
      unitPrice: byId.get(item.product_id)?.price ?? new Prisma.Decimal(0),
    }));
    const total = lines.reduce(
      (sum, line) => sum.add(line.unitPrice.mul(line.quantity)),
      new Prisma.Decimal(0),
    );
    const row = await ctx.db.order.create({
      data: {
        tenantId: ctx.tenantId,
        customerId: input.customer_id,
        currency: input.currency,
        total,
        items: { create: lines },
      },
      include: orderInclude,
    });
    return toOrderDto(row);
  },
});

export const updateOrderStatus = definePlatformAction({
  action_type: 'update_order_status',
  title: 'Update Order Status',
  description: 'Moves an order to a new status; cancelled and refunded orders are final.',
  category: 'orders',
  hints: OVERWRITES,
  input: z.strictObject({
    id: idField('Order ID required for status update'),
    status: z.enum(ORDER_STATUSES, {
      error: `must be one of ${ORDER_STATUSES.join(', ')}`,
    }),
  }),
  async run({ db, tenantId }, { id, status }) {
    const order = await db.order.findFirst({ where: { id, tenantId }, select: { status: true } });
    if (!order) throw new EventFailure('NOT_FOUND', `Order not found: ${id}`);
    // Conditional on the order not being final, so a concurrent cancellation cannot be undone.
    const { count } = await db.order.updateMany({
      where: { id, tenantId, OR: [{ status: { notIn: [...FINAL_STATUSES] } }, { status }] },
      data: { status },
    });
    if (count === 0) {
      const current = await db.order.findFirst({
        where: { id, tenantId },
        select: { status: true },
      });
      throw new EventFailure('CONFLICT', `Order ${id} is ${current?.status}; its status is final`);
    }
    const row = await db.order.findUniqueOrThrow({ where: { id }, include: orderInclude });
    return { ...toOrderDto(row), previous_status: order.status };
  },
});
