import assert from 'node:assert/strict';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { after, before, test } from 'node:test';
import { listen, type RunningPlugin } from '@registry/plugin-sdk';
import { plugin } from './plugin.ts';

const secret = `whsec_${randomBytes(24).toString('base64')}`;
let running: RunningPlugin;
before(async () => {
  running = await listen(plugin, { signingSecrets: [secret], requestLog: false });
});
after(() => running.close());

/** POSTs `body` to the action as the registry does: signed with Standard Webhooks headers. */
function callAction(body: unknown, signWith: string | undefined = secret) {
  const json = JSON.stringify(body);
  const id = `msg_${randomUUID()}`;
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'webhook-id': id,
    'webhook-timestamp': timestamp,
  };
  if (signWith) {
    const key = Buffer.from(signWith.replace(/^whsec_/, ''), 'base64');
    const signature = createHmac('sha256', key).update(`${id}.${timestamp}.${json}`);
    headers['webhook-signature'] = `v1,${signature.digest('base64')}`;
  }
  return fetch(`${running.url}/actions/say-hello`, { method: 'POST', headers, body: json });
}

test('a signed call is answered with the greeting', async () => {
  const response = await callAction({ name: 'Ada' });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { success: true, message: 'Hello, Ada!' });
});

test('a payload the schema refuses is a 400 naming the field', async () => {
  const response = await callAction({ name: 42 });
  assert.equal(response.status, 400);
  assert.match((await response.json()).error, /name/);
});

test('a call signed with another secret is refused', async () => {
  const response = await callAction({ name: 'Ada' }, `whsec_${randomBytes(24).toString('base64')}`);
  assert.equal(response.status, 401);
});
