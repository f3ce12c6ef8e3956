import { answerEndpointChallenge } from '@registry/contracts';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { action, definePlugin } from './define-plugin';
import { listenAll, type RunningPluginServer } from './listen-all';

const ROOT_SECRET = 'whsec_cm9vdCBwbHVnaW4gc2lnbmluZyBzZWNyZXQgMTIzNA==';
const SMS_SECRET = 'whsec_c21zIHBsdWdpbiBzaWduaW5nIHNlY3JldCAxMjM0NTY=';

const echo = (slug: string) =>
  definePlugin({
    slug,
    actions: {
      ping: action({
        title: 'Ping',
        input: z.object({ n: z.number() }),
        handler: ({ n }) => ({ plugin: slug, n }),
      }),
    },
    pages: { '/log': () => ({ json: { plugin: slug } }) },
  });

let server: RunningPluginServer;
beforeAll(async () => {
  server = await listenAll([
    { plugin: echo('mailer'), signingSecrets: [ROOT_SECRET] },
    { plugin: echo('texter'), basePath: '/texter', signingSecrets: [SMS_SECRET] },
  ]);
});
afterAll(() => server.close());

async function post(url: string, payload: unknown, secret: string) {
  const body = JSON.stringify(payload);
  const at = new Date();
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'webhook-id': 'evt_1',
      'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
      'webhook-signature': new Webhook(secret).sign('evt_1', at, body),
    },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe('listenAll', () => {
  it('[SDK][MOUNT]: each plugin answers below its base path, the root one elsewhere', async () => {
    expect(server.plugins.map((plugin) => [plugin.slug, plugin.url])).toEqual([
      ['mailer', server.url],
      ['texter', `${server.url}/texter`],
    ]);
    const texter = await post(`${server.url}/texter/actions/ping`, { n: 1 }, SMS_SECRET);
    expect(texter).toEqual({ status: 200, body: { plugin: 'texter', n: 1 } });
    const mailer = await post(`${server.url}/actions/ping`, { n: 2 }, ROOT_SECRET);
    expect(mailer).toEqual({ status: 200, body: { plugin: 'mailer', n: 2 } });
    expect(await (await fetch(`${server.url}/texter/log`)).json()).toEqual({ plugin: 'texter' });
    expect(await (await fetch(`${server.url}/texter`)).json()).toMatchObject({ plugin: 'texter' });
    const unknown = await post(`${server.url}/texter/actions/pong`, { n: 1 }, SMS_SECRET);
    expect(unknown).toMatchObject({
      status: 404,
      body: { error: 'No such endpoint: /texter/actions/pong' },
    });
    // `/texterx` is not below `/texter`: the root plugin has no such endpoint.
    expect((await post(`${server.url}/texterx/actions/ping`, { n: 3 }, ROOT_SECRET)).status).toBe(
      404,
    );
  });

  it('[SDK][MOUNT]: each plugin checks its own secret and answers its own challenge', async () => {
    const wrongSecret = await post(`${server.url}/texter/actions/ping`, { n: 1 }, ROOT_SECRET);
    expect(wrongSecret.status).toBe(401);
    const challenge = 'c'.repeat(32);
    const answer = await post(
      `${server.url}/texter/.well-known/registry-verification`,
      { type: 'endpoint.verification', plugin_slug: 'texter', challenge },
      SMS_SECRET,
    );
    expect(answer.body).toEqual({
      challenge_response: await answerEndpointChallenge(SMS_SECRET, challenge),
    });
  });

  it('[SDK][MOUNT]: a malformed or repeated base path is refused', async () => {
    await expect(listenAll([{ plugin: echo('a'), basePath: 'a/' }])).rejects.toThrow(
      "basePath a/: expected '' or a path like /my-plugin",
    );
    await expect(
      listenAll([
        { plugin: echo('a'), basePath: '/x' },
        { plugin: echo('b'), basePath: '/x' },
      ]),
    ).rejects.toThrow("basePath '/x' is used by two plugins");
  });
});
