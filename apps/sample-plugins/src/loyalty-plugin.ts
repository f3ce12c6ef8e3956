import { ActionError, action, definePlugin } from '@registry/plugin-sdk';
import { z } from 'zod';

export const LOYALTY_PLUGIN_SLUG = 'loyalty-points';

/**
 * A customer's id. A pattern rather than bare length bounds: the validator tries an accepted
 * edge of every length bound, and a 1-character id would be another customer, with no points.
 */
const customer = z.string().regex(/^cust_\w{1,60}$/, 'must be like cust_123');

/**
 * A stateful pair for the validator's fixtures (not in the seed): points awarded to a customer
 * can then be redeemed, and a redemption beyond the balance is refused (422). So
 * `redeem_points` only succeeds after an `award_points` for the same customer; its example
 * declares that award as setup, and passes validation whatever order the actions run in.
 * Balances live in memory; an event delivered twice (same `webhook-id`) counts once.
 */
export function createLoyaltyPlugin(
  balances = new Map<string, number>(),
  slug = LOYALTY_PLUGIN_SLUG,
) {
  const answered = new Map<string, unknown>();
  /** Runs a balance change once per event: a repeat gets the first answer again. */
  const once = (webhookId: string | undefined, change: () => unknown) => {
    if (webhookId && answered.has(webhookId)) return answered.get(webhookId);
    const answer = change();
    if (webhookId) answered.set(webhookId, answer);
    return answer;
  };
  const balance = (customer_id: string) => balances.get(customer_id) ?? 0;
  return definePlugin({
    slug,
    actions: {
      award_points: action({
        title: 'Award Points',
        description: "Adds points to a customer's balance",
        category: 'loyalty',
        input: z.object({
          customer_id: customer,
          points: z.int().positive().max(10_000),
          reason: z.string().max(200).optional(),
        }),
        handler: ({ customer_id, points }, { webhookId }) =>
          once(webhookId, () => {
            const next = balance(customer_id) + points;
            balances.set(customer_id, next);
            return { success: true, customer_id, balance: next };
          }),
      }),
      redeem_points: action({
        title: 'Redeem Points',
        description: "Spends points from a customer's balance; refused beyond it",
        category: 'loyalty',
        input: z.object({ customer_id: customer, points: z.int().positive() }),
        examples: [
          {
            name: 'first redemption',
            setup: [
              {
                action_type: 'award_points',
                payload: { customer_id: 'cust_example', points: 100 },
              },
            ],
            payload: { customer_id: 'cust_example', points: 25 },
          },
        ],
        handler: ({ customer_id, points }, { webhookId }) =>
          once(webhookId, () => {
            const held = balance(customer_id);
            if (held < points) {
              throw new ActionError(
                `Customer ${customer_id} has ${held} points; cannot redeem ${points}`,
              );
            }
            balances.set(customer_id, held - points);
            return { success: true, customer_id, balance: held - points };
          }),
      }),
    },
    pages: { '/balances': () => ({ json: { balances: Object.fromEntries(balances) } }) },
  });
}
