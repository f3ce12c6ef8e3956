import { answerEndpointChallenge, ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SamplePlugin, startSamplePlugin } from './sample-plugin-server';

const SECRET = 'whsec_c2FtcGxlIHBsdWdpbiBzaWduaW5nIHNlY3JldCEh';
const body = JSON.stringify({ user_id: 'u1', email: 'a@example.com' });

let plugin: SamplePlugin;
beforeAll(async () => {
  plugin = await startSamplePlugin({
    secretsFor: (slug) => (slug === 'email-automation' ? [SECRET] : undefined),
  });
});
afterAll(() => plugin.close());

function signed(secret: string, at = new Date(), id = 'evt_sample') {
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

const post = (path: string, headers: Record<string, string>) =>
  fetch(`${plugin.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('sample plugin', () => {
  it('[SAMPLE][SIGNING]: accepts a call signed with its secret', async () => {
    const response = await post('/actions/send-welcome-email', signed(SECRET));
    expect(response.status).toBe(200);
    expect(plugin.sent.at(-1)).toMatchObject({
      plugin: 'email-automation',
      action: 'send-welcome-email',
    });
  });

  it('[SAMPLE][SIGNING]: refuses missing, wrong and stale signatures, and unknown plugins, with 401', async () => {
    const stale = new Date(Date.now() - 6 * 60 * 1000);
    const refused = [
      await post('/actions/send-welcome-email', {}),
      await post(
        '/actions/send-welcome-email',
        signed('whsec_d3Jvbmcgc2VjcmV0IGZvciB0aGlzIHBsdWdpbg=='),
      ),
      await post('/actions/send-welcome-email', signed(SECRET, stale)),
      await post('/sms-notifications/actions/send-order-shipped-sms', signed(SECRET)),
    ];
    expect(refused.map((response) => response.status)).toEqual([401, 401, 401, 401]);
    expect(await refused[2]?.json()).toEqual({ error: expect.stringMatching(/too old/i) });
  });
});

describe('sample plugin ownership proof', () => {
  const challengeBody = JSON.stringify({
    type: 'endpoint.verification',
    plugin_slug: 'email-automation',
    challenge: 'a-challenge-of-enough-length',
  });
  const ask = (headers: Record<string, string>) =>
    fetch(`${plugin.url}${ENDPOINT_VERIFICATION_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: challengeBody,
    });

  it('[SAMPLE][VERIFY]: answers a signed challenge with the HMAC of its secret', async () => {
    const at = new Date();
    const response = await ask({
      'webhook-id': 'verify_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(SECRET).sign('verify_1', at, challengeBody),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      challenge_response: await answerEndpointChallenge(SECRET, 'a-challenge-of-enough-length'),
    });
  });

  it('[SAMPLE][VERIFY]: refuses an unsigned challenge', async () => {
    expect((await ask({})).status).toBe(401);
  });
});
