import { randomUUID } from 'node:crypto';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, insertPlugin } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor, expectTrpcError } from '../../test/support/trpc-caller';
import { restApiDocument } from '../openapi';

const deps = testRegistryDeps();
const send = createRestClient(deps);

const pointsSchema = z.toJSONSchema(
  z.object({ customer_id: z.string(), points: z.int().positive() }),
  { io: 'input' },
) as Record<string, unknown>;
const typed = (actionType: string) => ({
  ...actionDefinition(actionType, { required_fields: ['customer_id', 'points'] }),
  input_schema: pointsSchema,
});
const award = typed('award_points');
const firstRedemption = {
  name: 'first redemption',
  payload: { customer_id: 'c1', points: 30 },
  setup: [{ action_type: 'award_points', payload: { customer_id: 'c1', points: 100 } }],
};
const redeem = {
  ...typed('redeem_points'),
  examples: [firstRedemption],
};

const badExamples: Array<[string, Record<string, unknown>, string, string]> = [
  [
    'a payload its schema refuses',
    { examples: [{ ...firstRedemption, payload: { customer_id: 'c1', points: -5 } }] },
    'actions[1].examples[0].payload.points',
    "must be > 0, received number -5 (it must fit redeem_points's input schema)",
  ],
  [
    'a setup payload its action refuses',
    { examples: [{ ...firstRedemption, setup: [{ action_type: 'award_points', payload: {} }] }] },
    'actions[1].examples[0].setup[0].payload.customer_id',
    "is required (it must fit award_points's input schema)",
  ],
  [
    'a setup event naming another plugin',
    {
      examples: [{ ...firstRedemption, setup: [{ action_type: 'send_email', payload: {} }] }],
    },
    'actions[1].examples[0].setup[0].action_type',
    `must name one of this plugin's actions; "send_email" is not among them`,
  ],
];

describe('action examples through REST and tRPC', () => {
  it('[REST][REGISTER][EXAMPLES]: examples register; discovery and the action answer them', async () => {
    const slug = `loyalty-${randomUUID().slice(0, 8)}`;
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });

    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions: [award, redeem] },
    });
    expect(answer.status).toBe(200);

    const found = await send('GET', `/api/plugins/actions?plugin=${slug}`);
    const [awardFound, redeemFound] = (found.body as { actions: Record<string, unknown>[] })
      .actions;
    expect(redeemFound?.examples).toEqual([firstRedemption]);
    expect(awardFound).not.toHaveProperty('examples');
    const one = await callerFor(deps, DEFAULT_TENANT_ID).actions.get({
      action_type: 'redeem_points',
      plugin_id: plugin.id,
    });
    expect(one).toMatchObject({ plugin_slug: slug, examples: [firstRedemption] });
  });

  it.each(badExamples)(
    '[REST][REGISTER][EXAMPLES]: %s is a 400 naming the field, and the stored set stays',
    async (_case, change, field, message) => {
      const slug = `keeper-${randomUUID().slice(0, 8)}`;
      await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('kept')] });

      const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
        json: { actions: [award, { ...redeem, ...change }] },
      });

      const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
      expect(error.issues?.map((issue) => issue.field)).toEqual([field]);
      expect(error.error).toContain(`${field}: ${message}`);
      const stored = await getPlugin(deps, DEFAULT_TENANT_ID, slug);
      expect(stored.registered_actions.actions.map((a) => a.action_type)).toEqual(['kept']);
    },
  );

  it('[TRPC][REGISTER][EXAMPLES]: actions.register refuses an unfit example the same way', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {});
    const [, change, field] = badExamples[0] as (typeof badExamples)[number];
    const refused = callerFor(deps, DEFAULT_TENANT_ID).actions.register({
      slug: plugin.slug,
      actions: [award, { ...redeem, ...change }],
    });
    const { cause } = await expectTrpcError(refused, 'BAD_REQUEST', 'VALIDATION_ERROR');
    expect(cause.issues?.map((issue) => issue.field)).toEqual([field]);
  });

  it('[OPENAPI][EXAMPLES]: the registration body and discovered actions document examples', () => {
    const schemas = restApiDocument().components?.schemas;
    for (const name of ['ActionDefinition', 'DiscoveredAction']) {
      const documented = JSON.stringify(schemas?.[name]);
      expect(documented, name).toContain('"examples"');
      expect(documented, name).toContain('"setup"');
    }
  });
});
