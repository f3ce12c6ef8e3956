import type { Prisma } from '@registry/db';
import { z } from 'zod';
import { EventFailure } from '../errors/event-failure';
import { isUniqueViolation } from '../errors/prisma-errors';
import { CREATES, OVERWRITES } from './action-hints';
import { email, idField, shortText } from './fields';
import { definePlatformAction, type PlatformContext } from './platform-action';

const customerFields = {
  email,
  first_name: shortText(100).optional(),
  last_name: shortText(100).optional(),
  phone: z
    .string()
    .regex(/^\+?[0-9 ()-]{6,20}$/, 'must be a phone number')
    .optional(),
};

type CustomerRow = Prisma.CustomerGetPayload<object>;

function toCustomerDto(row: CustomerRow) {
  return {
    id: row.id,
    email: row.email,
    first_name: row.firstName,
    last_name: row.lastName,
    phone: row.phone,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  };
}

function toColumns(input: Partial<z.output<z.ZodObject<typeof customerFields>>>) {
  return {
    email: input.email,
    firstName: input.first_name,
    lastName: input.last_name,
    phone: input.phone,
  };
}

export async function findCustomer({ db, tenantId }: PlatformContext, id: string) {
  const customer = await db.customer.findFirst({ where: { id, tenantId } });
  if (!customer) throw new EventFailure('NOT_FOUND', `Customer not found: ${id}`);
  return customer;
}

/**
 * Emails are unique per tenant. Automation flows re-run, so creating a customer whose email
 * exists updates that customer with the fields sent instead of failing; `created` says which.
 */
export const createCustomer = definePlatformAction({
  action_type: 'create_customer',
  title: 'Create Customer',
  description: 'Creates a customer, or updates the one with the same email.',
  category: 'customers',
  hints: CREATES,
  input: z.strictObject(customerFields),
  async run({ db, tenantId }, input) {
    const columns = toColumns(input);
    const existing = await db.customer.findUnique({
      where: { tenantId_email: { tenantId, email: input.email } },
      select: { id: true },
    });
    const row = await db.customer.upsert({
      where: { tenantId_email: { tenantId, email: input.email } },
      create: { ...columns, email: input.email, tenantId },
      update: columns,
    });
    return { ...toCustomerDto(row), created: existing === null };
  },
});

export const updateCustomer = definePlatformAction({
  action_type: 'update_customer',
  title: 'Update Customer',
  description: "Changes a customer's details; only the given fields change.",
  category: 'customers',
  hints: OVERWRITES,
  input: z.strictObject({
    id: idField('Customer ID required for update'),
    ...z.object(customerFields).partial().shape,
  }),
  async run(ctx, { id, ...changes }) {
    await findCustomer(ctx, id);
    try {
      const row = await ctx.db.customer.update({ where: { id }, data: toColumns(changes) });
      return toCustomerDto(row);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new EventFailure('CONFLICT', `Another customer already uses email ${changes.email}`);
      }
      throw error;
    }
  },
});
