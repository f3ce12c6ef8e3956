import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityLog } from './activity-log';
import { createAnalyticsPlugin, type TrackedEvent } from './analytics-plugin';
import { registrationBesideSeed, servePluginUnderTest, WRONG_SECRET } from './plugin-under-test';

const events = new ActivityLog<TrackedEvent>();
let plugin: Awaited<ReturnType<typeof servePluginUnderTest>>;
beforeAll(async () => {
  plugin = await servePluginUnderTest(createAnalyticsPlugin(events));
});
afterAll(() => plugin.close());

describe('analytics plugin', () => {
  it("[ANALYTICS][CATALOG]: registers the seed's action with the seed's fields and endpoint", () => {
    const { registered, seeded } = registrationBesideSeed(createAnalyticsPlugin());
    expect(registered).toEqual(seeded);
  });

  it('[ANALYTICS][EVENTS]: a valid call is tracked once, even when the event repeats', async () => {
    const payload = {
      event_name: 'checkout.completed',
      user_id: 'u1',
      properties: { total: 42.5, items: 3 },
    };
    const first = await plugin.post('/actions/track-event', payload, { id: 'evt_t' });
    expect(first).toMatchObject({ status: 200, body: { success: true, duplicate: false } });
    const again = await plugin.post('/actions/track-event', payload, { id: 'evt_t' });
    expect(again.body).toMatchObject({ duplicate: true, event_id: first.body.event_id });
    await plugin.post('/actions/track-event', { event_name: 'page_view' });
    expect(await plugin.get('/events')).toEqual({
      count: 2,
      events: [
        expect.objectContaining({ ...payload, webhook_id: 'evt_t' }),
        expect.objectContaining({ event_name: 'page_view', user_id: null, properties: {} }),
      ],
    });
  });

  it('[ANALYTICS][VALIDATION]: a bad payload is a 400 naming the field; nothing is tracked', async () => {
    const answer = await plugin.post('/actions/track-event', {
      event_name: 'checkout completed',
      properties: [1, 2],
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(answer.body.error).toContain('event_name: must be 1-100 letters');
    expect(answer.body.error).toContain('properties: expected record, received array');
    expect(events.list()).toHaveLength(2);
  });

  it('[ANALYTICS][SIGNING]: a call signed with another secret is refused with 401', async () => {
    const answer = await plugin.post('/actions/track-event', { event_name: 'x' }, WRONG_SECRET);
    expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
  });
});
