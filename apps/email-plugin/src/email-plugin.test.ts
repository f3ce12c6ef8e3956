import { ZRegisterActionsRequestSchema } from '@registry/contracts';
import { registrationPayload } from '@registry/plugin-sdk';
import { postSignedWebhook } from '@registry/testing/signed-webhook';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailPlugin, type RunningEmailPlugin, startEmailPlugin } from './email-plugin';

const SECRET = 'whsec_ZW1haWwgcGx1Z2luIHRlc3Qgc2lnbmluZyBzZWNyZXQ=';
let plugin: RunningEmailPlugin;
beforeAll(async () => {
  plugin = await startEmailPlugin({ signingSecrets: [SECRET] });
});
afterAll(() => plugin.close());

const post = (path: string, payload: unknown, id?: string, headers?: Record<string, string>) =>
  postSignedWebhook(`${plugin.url}${path}`, payload, { secret: SECRET, id, headers });

describe('email plugin', () => {
  it('[EMAIL][CATALOG]: ten email actions, the seed examples among them with their fields', () => {
    const payload = registrationPayload(createEmailPlugin());
    expect(ZRegisterActionsRequestSchema.safeParse(payload).error?.issues).toBeUndefined();
    const { actions } = payload;
    expect(actions).toHaveLength(10);
    expect(actions.every((action) => action.category === 'email')).toBe(true);
    expect(actions.find((action) => action.action_type === 'send_welcome_email')).toMatchObject({
      required_fields: ['user_id', 'email'],
      optional_fields: ['first_name', 'template_id'],
      endpoint: '/actions/send-welcome-email',
    });
    expect(actions.find((a) => a.action_type === 'send_abandoned_cart_email')).toMatchObject({
      required_fields: ['user_id', 'cart_id'],
      endpoint: '/actions/send-abandoned-cart-email',
    });
  });

  it('[EMAIL][OUTBOX]: the seed example lands in the outbox once, even when the event repeats', async () => {
    const payload = {
      user_id: 'user_456',
      email: 'test@example.com',
      first_name: 'John',
      template_id: 'welcome_v2',
    };
    const first = await post('/actions/send-welcome-email', payload, 'evt_welcome');
    expect(first.status).toBe(200);
    const again = await post('/actions/send-welcome-email', payload, 'evt_welcome');
    expect(await again.json()).toMatchObject({ success: true, duplicate: true });
    const outbox = (await (await fetch(`${plugin.url}/outbox`)).json()) as {
      emails: { to: string; subject: string }[];
    };
    expect(outbox.emails).toEqual([
      expect.objectContaining({ to: 'test@example.com', subject: 'Welcome, John!' }),
    ]);
  });

  it('[EMAIL][DRY_RUN]: every action supports dry runs; a dry run answers the email it would send and sends nothing', async () => {
    const { actions } = registrationPayload(createEmailPlugin());
    expect(actions.every((action) => action.supports_dry_run === true)).toBe(true);
    const sent = plugin.sent().length;
    const payload = { user_id: 'u7', email: 'dry@example.com', first_name: 'Dry' };
    const dry = await post('/actions/send-welcome-email', payload, 'evt_dry', {
      'webhook-dry-run': 'true',
    });
    expect(await dry.json()).toMatchObject({
      success: true,
      dry_run: true,
      to: 'dry@example.com',
      subject: 'Welcome, Dry!',
    });
    expect(plugin.sent().length).toBe(sent);
    // The same event sent for real afterwards is sent, not taken for a repeat.
    const real = await post('/actions/send-welcome-email', payload, 'evt_dry');
    expect(await real.json()).toMatchObject({ success: true, duplicate: false });
    expect(plugin.sent().length).toBe(sent + 1);
  });

  it('[EMAIL][OUTBOX]: the outbox page lists emails with their text escaped', async () => {
    await post('/actions/send-birthday-email', {
      user_id: 'u9',
      email: 'b@example.com',
      first_name: '<script>x</script>',
    });
    const page = await fetch(`${plugin.url}/`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('Happy birthday, &lt;script&gt;x&lt;/script&gt;!');
    expect(html).not.toContain('<script>x');
  });
});
