import { testRegistryDeps } from '@registry/core/test-support';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();

describe('actions.facets', () => {
  it('[TRPC][ACTIONS]: facets count the catalog by category and plugin, under the filters', async () => {
    const tenantId = newTenantId();
    const caller = callerFor(deps, tenantId);
    await insertPlugin(deps.db, tenantId, {
      slug: 'mailer',
      name: 'Mailer',
      actions: [actionDefinition('send_welcome_email'), actionDefinition('send_digest')],
    });
    await insertPlugin(deps.db, tenantId, {
      slug: 'sleeper',
      status: 'inactive',
      actions: [actionDefinition('snooze')],
    });

    const all = await caller.actions.facets();
    expect(all.total).toBe((await caller.actions.discover()).actions.length);
    expect(all.plugins).toEqual([
      { value: 'platform', label: 'Platform', count: 13 },
      { value: 'mailer', label: 'Mailer', count: 2 },
    ]);
    expect(all.categories).toContainEqual({ value: 'email', label: 'email', count: 2 });

    const emailOnly = await caller.actions.facets({ category: 'email', search: 'welcome' });
    expect(emailOnly).toEqual({
      total: 1,
      categories: [{ value: 'email', label: 'email', count: 1 }],
      plugins: [{ value: 'mailer', label: 'Mailer', count: 1 }],
    });
    // Blank filters mean "no filter", as in discovery's query strings.
    expect(await caller.actions.facets({ category: '', plugin: '', search: '' })).toEqual(all);
  });

  it('[TRPC][ACTIONS]: a bad facet filter is BAD_REQUEST naming the field', async () => {
    const caller = callerFor(deps, newTenantId());
    const call = caller.actions.facets({ category: 'Not A Category' });
    const { cause } = await expectTrpcError(call, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(cause.issues).toEqual([
      {
        field: 'category',
        message: expect.stringContaining('must contain only lowercase letters'),
      },
    ]);
  });
});
