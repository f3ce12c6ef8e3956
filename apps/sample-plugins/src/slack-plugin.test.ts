import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityLog } from './activity-log';
import { registrationBesideSeed, servePluginUnderTest, WRONG_SECRET } from './plugin-under-test';
import { createSlackPlugin, type PostedMessage } from './slack-plugin';

const outbox = new ActivityLog<PostedMessage>();
let plugin: Awaited<ReturnType<typeof servePluginUnderTest>>;
beforeAll(async () => {
  plugin = await servePluginUnderTest(createSlackPlugin(outbox));
});
afterAll(() => plugin.close());

const ENDPOINT = '/actions/create-slack-notification';

describe('slack plugin', () => {
  it("[SLACK][CATALOG]: registers the seed's action with the seed's fields and endpoint", () => {
    const { registered, seeded } = registrationBesideSeed(createSlackPlugin());
    expect(registered).toEqual(seeded);
  });

  it('[SLACK][OUTBOX]: a valid call is posted once, even when the event repeats', async () => {
    const payload = { channel: 'orders', message: 'Order o-100 paid', mention: 'ops-oncall' };
    const first = await plugin.post(ENDPOINT, payload, { id: 'evt_s' });
    expect(first).toMatchObject({ status: 200, body: { success: true, channel: '#orders' } });
    const again = await plugin.post(ENDPOINT, payload, { id: 'evt_s' });
    expect(again.body).toMatchObject({ duplicate: true, ts: first.body.ts });
    expect(await plugin.get('/outbox')).toEqual({
      count: 1,
      messages: [
        expect.objectContaining({
          action_type: 'create_slack_notification',
          channel: '#orders',
          text: '@ops-oncall Order o-100 paid',
          webhook_id: 'evt_s',
        }),
      ],
    });
  });

  it('[SLACK][VALIDATION]: a bad payload is a 400 naming the field; nothing is posted', async () => {
    const answer = await plugin.post(ENDPOINT, { channel: 'Big Room', message: '' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(answer.body.error).toContain('channel: must be a Slack channel name');
    expect(answer.body.error).toContain('message:');
    expect(outbox.list()).toHaveLength(1);
  });

  it('[SLACK][SIGNING]: a call signed with another secret is refused with 401', async () => {
    const answer = await plugin.post(ENDPOINT, { channel: 'ops', message: 'hi' }, WRONG_SECRET);
    expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});
