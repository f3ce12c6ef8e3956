import { registrationPayload } from '@registry/plugin-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLoyaltyPlugin } from './loyalty-plugin';
import { servePluginUnderTest } from './plugin-under-test';

const balances = new Map<string, number>();
let plugin: Awaited<ReturnType<typeof servePluginUnderTest>>;
beforeAll(async () => {
  plugin = await servePluginUnderTest(createLoyaltyPlugin(balances));
});
afterAll(() => plugin.close());

describe('loyalty plugin', () => {
  it('[LOYALTY][STATE]: points redeem only after they were awarded; a repeated event counts once', async () => {
    const redeem = { customer_id: 'cust_1', points: 30 };
    const early = await plugin.post('/actions/redeem-points', redeem);
    expect(early).toMatchObject({
      status: 422,
      body: { error: 'Customer cust_1 has 0 points; cannot redeem 30' },
    });
    const award = { customer_id: 'cust_1', points: 50 };
    await plugin.post('/actions/award-points', award, { id: 'evt_award' });
    const repeat = await plugin.post('/actions/award-points', award, { id: 'evt_award' });
    expect(repeat.body).toMatchObject({ balance: 50 });
    const redeemed = await plugin.post('/actions/redeem-points', redeem);
    expect(redeemed).toMatchObject({ status: 200, body: { success: true, balance: 20 } });
    expect(await plugin.get('/balances')).toEqual({ balances: { cust_1: 20 } });
  });

  it('[LOYALTY][EXAMPLES]: redeem_points registers an example whose setup awards the points', () => {
    const [award, redeem] = registrationPayload(createLoyaltyPlugin()).actions;
    expect(award).not.toHaveProperty('examples');
    expect(redeem?.examples).toEqual([
      {
        name: 'first redemption',
        setup: [
          { action_type: 'award_points', payload: { customer_id: 'cust_example', points: 100 } },
        ],
        payload: { customer_id: 'cust_example', points: 25 },
      },
    ]);
  });
});
