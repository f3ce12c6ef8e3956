import { ZActionFacetsQuerySchema } from '@registry/contracts';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { parseInput } from '../errors/app-error';
import { actionFacets } from './action-facets';

const deps = testRegistryDeps();

const facets = (tenantId: string, query: Record<string, string> = {}) =>
  actionFacets(deps, tenantId, parseInput(ZActionFacetsQuerySchema, query));

/** Email and sms plugins beside the 13 platform actions; an inactive plugin counts nowhere. */
async function catalogTenant() {
  const tenantId = newTenantId();
  await insertPlugin(deps.db, tenantId, {
    slug: 'mailer',
    name: 'Mailer',
    actions: [
      actionDefinition('send_welcome_email', { description: 'Greets new customers' }),
      actionDefinition('send_receipt', { category: 'billing' }),
    ],
  });
  await insertPlugin(deps.db, tenantId, {
    slug: 'texter',
    name: 'Texter',
    actions: [actionDefinition('send_text', { category: 'sms' })],
  });
  await insertPlugin(deps.db, tenantId, {
    slug: 'sleeper',
    status: 'inactive',
    actions: [actionDefinition('snooze', { category: 'sms' })],
  });
  return tenantId;
}

const counts = (entries: { value: string; count: number }[]) =>
  Object.fromEntries(entries.map((entry) => [entry.value, entry.count]));

describe('actionFacets', () => {
  it('[ACTIONS][FACETS]: counts every callable action by category and by plugin, most first', async () => {
    const result = await facets(await catalogTenant());

    expect(result.total).toBe(16);
    expect(counts(result.plugins)).toEqual({ platform: 13, mailer: 2, texter: 1 });
    expect(result.plugins.map((plugin) => plugin.label)).toEqual(['Platform', 'Mailer', 'Texter']);
    expect(counts(result.categories)).toEqual({
      products: 3,
      customers: 2,
      orders: 2,
      cart: 1,
      communication: 3,
      tasks: 2,
      email: 1,
      billing: 1,
      sms: 1,
    });
    expect(result.categories[0]).toEqual({
      value: 'communication',
      label: 'communication',
      count: 3,
    });
  });

  it('[ACTIONS][FACETS]: each facet applies the other filters but not its own', async () => {
    const tenantId = await catalogTenant();

    const sms = await facets(tenantId, { category: 'sms' });
    expect(sms.total).toBe(1);
    expect(counts(sms.plugins)).toEqual({ texter: 1 });
    expect(counts(sms.categories)).toMatchObject({ sms: 1, email: 1, products: 3 });

    const mailer = await facets(tenantId, { plugin: 'mailer' });
    expect(mailer.total).toBe(2);
    expect(counts(mailer.categories)).toEqual({ email: 1, billing: 1 });
    expect(counts(mailer.plugins)).toMatchObject({ platform: 13, mailer: 2 });

    const both = await facets(tenantId, { plugin: 'platform', category: 'email' });
    expect(both.total).toBe(0);
    expect(counts(both.plugins)).toEqual({ mailer: 1 });
  });

  it('[ACTIONS][FACETS]: search narrows every count, over type, title and description', async () => {
    const tenantId = await catalogTenant();

    const greets = await facets(tenantId, { search: 'GREETS' });
    expect(greets).toEqual({
      total: 1,
      categories: [{ value: 'email', label: 'email', count: 1 }],
      plugins: [{ value: 'mailer', label: 'Mailer', count: 1 }],
    });
    const none = await facets(tenantId, { search: 'no such thing' });
    expect(none).toEqual({ total: 0, categories: [], plugins: [] });
    expect((await facets(newTenantId(), { plugin: 'mailer' })).total).toBe(0);
  });
});
