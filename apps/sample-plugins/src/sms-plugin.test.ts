import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityLog } from './activity-log';
import { registrationBesideSeed, servePluginUnderTest, WRONG_SECRET } from './plugin-under-test';
import { createSmsPlugin, type SentText } from './sms-plugin';

const outbox = new ActivityLog<SentText>();
let plugin: Awaited<ReturnType<typeof servePluginUnderTest>>;
beforeAll(async () => {
  plugin = await servePluginUnderTest(createSmsPlugin(outbox));
});
afterAll(() => plugin.close());

describe('sms plugin', () => {
  it("[SMS][CATALOG]: registers the seed's two actions with the seed's fields and endpoints", () => {
    const { registered, seeded } = registrationBesideSeed(createSmsPlugin());
    expect(registered).toEqual(seeded);
  });

  it('[SMS][OUTBOX]: a valid call is texted once, even when the event repeats', async () => {
    const payload = { phone: '+15550100', cart_id: 'c-7', discount_code: 'COMEBACK10' };
    const first = await plugin.post('/actions/send-abandoned-cart-sms', payload, { id: 'evt_a' });
    expect(first).toMatchObject({
      status: 200,
      body: { success: true, to: '+15550100', segments: 1 },
    });
    const again = await plugin.post('/actions/send-abandoned-cart-sms', payload, { id: 'evt_a' });
    expect(again.body).toMatchObject({ duplicate: true, message_id: first.body.message_id });
    expect(await plugin.get('/outbox')).toEqual({
      count: 1,
      messages: [
        expect.objectContaining({
          action_type: 'send_abandoned_cart_sms',
          to: '+15550100',
          text: 'You left something in your cart (c-7). Use COMEBACK10 at checkout. Reply STOP to opt out.',
          webhook_id: 'evt_a',
          flow_execution_id: 'flow-test',
        }),
      ],
    });
  });

  it('[SMS][DRY_RUN]: a dry run answers the text it would send and sends nothing', async () => {
    const before = outbox.list().length;
    const payload = { phone: '+15550100', order_id: 'o-9' };
    const dry = await plugin.post('/actions/send-order-shipped-sms', payload, {
      id: 'evt_dry',
      dryRun: true,
    });
    expect(dry).toMatchObject({ status: 200, body: { success: true, to: '+15550100' } });
    expect(outbox.list()).toHaveLength(before);
    const real = await plugin.post('/actions/send-order-shipped-sms', payload, { id: 'evt_dry' });
    expect(real.body).toMatchObject({ duplicate: false });
    expect(outbox.list()).toHaveLength(before + 1);
  });

  it('[SMS][VALIDATION]: a bad payload is a 400 naming the field; nothing is sent', async () => {
    const before = outbox.list().length;
    const answer = await plugin.post('/actions/send-order-shipped-sms', {
      phone: 5550100,
      tracking_number: 42,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(answer.body.error).toContain('phone: expected string, received number 5550100');
    expect(answer.body.error).toContain('order_id: is required');
    expect(answer.body.error).toContain('tracking_number: expected string, received number 42');
    const local = await plugin.post('/actions/send-order-shipped-sms', {
      phone: '555-0100',
      order_id: 'o-1',
    });
    expect(local.status).toBe(400);
    expect(local.body.error).toMatch(/phone: .*"555-0100"/);
    expect(outbox.list()).toHaveLength(before);
  });

  it('[SMS][SIGNING]: a call signed with another secret is refused with 401', async () => {
    const payload = { phone: '+15550100', order_id: 'o-1' };
    const answer = await plugin.post('/actions/send-order-shipped-sms', payload, WRONG_SECRET);
    expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});
