import { testRegistryDeps } from '@registry/core/test-support';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { callerFor, expectTrpcError } from '../../../test/support/trpc-caller';

const deps = testRegistryDeps();

/** A plugin registered three times: ping and refund, refund narrowed, then ping removed. */
async function pluginWithThreeRevisions() {
  const tenantId = newTenantId();
  const plugin = await insertPlugin(deps.db, tenantId);
  const caller = callerFor(deps, tenantId);
  const refund = (maximum: number) =>
    actionDefinition('refund', {
      required_fields: ['amount'],
      input_schema: {
        type: 'object',
        properties: { amount: { type: 'number', maximum } },
        required: ['amount'],
      },
    });
  for (const actions of [
    [actionDefinition('ping'), refund(100)],
    [actionDefinition('ping'), refund(50)],
    [refund(50)],
  ]) {
    await caller.actions.register({ slug: plugin.slug, actions, allow_breaking: true });
  }
  return { caller, slug: plugin.slug };
}

describe('plugins.registrationDiff', () => {
  it('[TRPC][PLUGINS]: compares any two revisions, either way, by the rules of each revision diff', async () => {
    const { caller, slug } = await pluginWithThreeRevisions();

    const firstToLast = await caller.plugins.registrationDiff({ slug, from: 1, to: 3 });
    expect(firstToLast.added).toEqual([]);
    expect(firstToLast.removed).toEqual(['ping']);
    expect(firstToLast.changed).toEqual([
      {
        action_type: 'refund',
        changes: [
          {
            path: 'input_schema.properties.amount.maximum',
            change: 'changed',
            before: 100,
            after: 50,
          },
        ],
      },
    ]);
    expect(firstToLast.breaking_changes.map((c) => [c.action_type, c.change])).toEqual([
      ['ping', 'action_removed'],
      ['refund', 'schema_narrowed'],
    ]);

    const backwards = await caller.plugins.registrationDiff({ slug, from: 3, to: 1 });
    expect(backwards.added).toEqual(['ping']);
    expect(backwards.changed[0]?.changes[0]).toMatchObject({ before: 50, after: 100 });
    expect(backwards.breaking_changes).toEqual([]);

    // Revision 0 is the empty set before the first registration.
    const fromNothing = await caller.plugins.registrationDiff({ slug, from: 0, to: 1 });
    expect(fromNothing.added).toEqual(['ping', 'refund']);
    // The revision's own stored diff says the same as the diff asked for.
    const history = await caller.plugins.registrations({ slug });
    const second = history.registrations.find((r) => r.revision === 2);
    expect(await caller.plugins.registrationDiff({ slug, from: 1, to: 2 })).toEqual(second?.diff);
  });

  it('[TRPC][PLUGINS]: a revision the plugin lacks is NOT_FOUND naming it; bad numbers BAD_REQUEST', async () => {
    const { caller, slug } = await pluginWithThreeRevisions();
    const missing = await expectTrpcError(
      caller.plugins.registrationDiff({ slug, from: 1, to: 4 }),
      'NOT_FOUND',
      'NOT_FOUND',
    );
    expect(missing.error.message).toBe(`to: plugin ${slug} has no registration revision 4`);

    const negative = await expectTrpcError(
      caller.plugins.registrationDiff({ slug, from: -1, to: 1.5 }),
      'BAD_REQUEST',
      'VALIDATION_ERROR',
    );
    expect(negative.cause.issues?.map((issue) => issue.field)).toEqual(['from', 'to']);

    await expectTrpcError(
      callerFor(deps, newTenantId()).plugins.registrationDiff({ slug, from: 1, to: 2 }),
      'NOT_FOUND',
      'NOT_FOUND',
    );
  });
});
