import { answerEndpointChallenge } from '@registry/contracts';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ActionError, action, definePlugin } from './define-plugin';
import { listen, type RunningPlugin } from './listen';

const SECRET = 'whsec_c2RrIHRlc3Qgc2lnbmluZyBzZWNyZXQgMTIzNDU2Nzg=';
const calls: unknown[] = [];
const plugin = definePlugin({
  slug: 'mailer',
  actions: {
    send_welcome_email: action({
      title: 'Send Welcome Email',
      input: z.object({ user_id: z.string(), email: z.email(), age: z.number().int().optional() }),
      handler: (input, context) => {
        calls.push({ input, context });
        return { success: true, sent_to: input.email };
      },
    }),
    explode: action({
      title: 'Explode',
      input: z.object({}),
      handler: () => {
        throw new Error('template store unreachable');
      },
    }),
    unencodable: action({
      title: 'Unencodable',
      input: z.object({}),
      handler: () => ({ total: 10n }),
    }),
    book_table: action({
      title: 'Book Table',
      supports_dry_run: true,
      input: z.object({ guests: z.number().int().min(1) }),
      handler: ({ guests }, { dryRun }) => {
        if (!dryRun) calls.push({ booked: guests });
        return { success: true, booked: !dryRun, guests };
      },
    }),
    refuse: action({
      title: 'Refuse',
      input: z.object({}),
      handler: () => {
        throw new ActionError('unknown order o-1', 404);
      },
    }),
  },
  pages: { '/status': () => ({ json: { calls: calls.length } }) },
});

let unsigned: RunningPlugin;
let signed: RunningPlugin;
beforeAll(async () => {
  unsigned = await listen(plugin);
  signed = await listen(plugin, { signingSecrets: [SECRET] });
});
afterAll(async () => {
  await unsigned.close();
  await signed.close();
});

async function post(url: string, body: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    body: await response.json(),
  };
}

function signature(body: string, secret = SECRET, at = new Date()) {
  const id = 'evt_1';
  return {
    'webhook-id': id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(id, at, body),
  };
}

describe('plugin server', () => {
  it('[SDK][SERVE]: a valid call reaches the handler with its context; the answer is its JSON', async () => {
    const body = JSON.stringify({ user_id: 'u1', email: 'a@example.com', extra: 1 });
    const answer = await post(`${unsigned.url}/actions/send-welcome-email`, body, {
      'x-flow-execution-id': 'flow-1',
    });
    expect(answer).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: { success: true, sent_to: 'a@example.com' },
    });
    expect(calls.at(-1)).toEqual({
      input: { user_id: 'u1', email: 'a@example.com' },
      context: {
        actionType: 'send_welcome_email',
        webhookId: undefined,
        flowExecutionId: 'flow-1',
        dryRun: false,
      },
    });
  });

  it('[SDK][DRY_RUN]: webhook-dry-run: true reaches a handler that supports it as dryRun; others are not run', async () => {
    const before = calls.length;
    const dry = { 'webhook-dry-run': 'true' };
    const booking = await post(`${unsigned.url}/actions/book-table`, '{"guests":2}', dry);
    expect(booking.body).toEqual({ success: true, booked: false, guests: 2 });
    const welcome = JSON.stringify({ user_id: 'u1', email: 'a@example.com' });
    const other = await post(`${unsigned.url}/actions/send-welcome-email`, welcome, dry);
    expect(other).toMatchObject({ status: 200, body: { dry_run: true, handled: false } });
    expect(calls.length).toBe(before);
    const invalid = await post(`${unsigned.url}/actions/book-table`, '{"guests":0}', dry);
    expect(invalid.status).toBe(400);
    const real = await post(`${unsigned.url}/actions/book-table`, '{"guests":2}');
    expect(real.body).toMatchObject({ booked: true });
    expect(calls.slice(before)).toEqual([{ booked: 2 }]);
  });

  it('[SDK][VALIDATION]: a bad payload is a 400 naming the field, the type expected and the value', async () => {
    const url = `${unsigned.url}/actions/send-welcome-email`;
    const wrong = await post(
      url,
      JSON.stringify({ user_id: 42, email: 'a@example.com', age: 'x' }),
    );
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      success: false,
      code: 'VALIDATION_ERROR',
      error:
        'Invalid payload: user_id: expected string, received number 42; age: expected number, received "x"',
    });
    const missing = await post(url, JSON.stringify({ user_id: 'u1' }));
    expect(missing.body.issues).toEqual([{ field: 'email', message: 'is required' }]);
    expect((await post(url, 'not json')).body.issues).toEqual([
      { field: 'body', message: 'must be valid JSON' },
    ]);
    expect((await post(url, '[1]')).status).toBe(400);
  });

  it('[SDK][ERRORS]: a throwing handler, or an answer JSON cannot encode, is a 500 JSON error; ActionError keeps its status', async () => {
    const crashed = await post(`${unsigned.url}/actions/explode`, '{}');
    expect(crashed).toMatchObject({
      status: 500,
      type: 'application/json; charset=utf-8',
      body: {
        success: false,
        error: 'explode failed: template store unreachable',
        code: 'ACTION_FAILED',
      },
    });
    const unencodable = await post(`${unsigned.url}/actions/unencodable`, '{}');
    expect(unencodable).toMatchObject({
      status: 500,
      type: 'application/json; charset=utf-8',
      body: {
        code: 'ACTION_FAILED',
        error: expect.stringMatching(/^unencodable failed: .*BigInt/),
      },
    });
    const refused = await post(`${unsigned.url}/actions/refuse`, '{}');
    expect(refused).toMatchObject({ status: 404, body: { error: 'unknown order o-1' } });
    const unknown = await post(`${unsigned.url}/actions/nothing`, '{}');
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const get = await fetch(`${unsigned.url}/actions/explode`);
    expect([get.status, get.headers.get('content-type')]).toEqual([
      405,
      'application/json; charset=utf-8',
    ]);
    expect(await (await fetch(`${unsigned.url}/status`)).json()).toEqual({ calls: calls.length });
  });

  it('[SDK][SIGNING]: with a secret, missing, wrong and stale signatures get 401', async () => {
    const url = `${signed.url}/actions/send-welcome-email`;
    const body = JSON.stringify({ user_id: 'u1', email: 'a@example.com' });
    expect((await post(url, body, signature(body))).status).toBe(200);
    expect(calls.at(-1)).toMatchObject({ context: { webhookId: 'evt_1' } });
    const stale = new Date(Date.now() - 6 * 60_000);
    const other = 'whsec_b3RoZXIgc2VjcmV0IGZvciB0aGUgdGVzdHMhIQ==';
    const refused = [
      await post(url, body),
      await post(url, body, signature(body, other)),
      await post(url, body, signature(body, SECRET, stale)),
      await post(url, body.replace('u1', 'u2'), signature(body)),
    ];
    expect(refused.map((answer) => answer.status)).toEqual([401, 401, 401, 401]);
    expect(refused[0]?.body).toMatchObject({
      code: 'UNAUTHORIZED',
      error: expect.stringMatching(/signature/),
    });
  });

  it('[SDK][VERIFICATION]: answers a signed ownership challenge, and only a signed one', async () => {
    const url = `${signed.url}/.well-known/registry-verification`;
    const challenge = 'c'.repeat(32);
    const body = JSON.stringify({
      type: 'endpoint.verification',
      plugin_slug: 'mailer',
      challenge,
    });
    const answer = await post(url, body, signature(body));
    expect(answer).toEqual({
      status: 200,
      type: 'application/json; charset=utf-8',
      body: { challenge_response: await answerEndpointChallenge(SECRET, challenge) },
    });
    expect((await post(url, body)).status).toBe(401);
    const otherSlug = body.replace('mailer', 'someone-else');
    expect((await post(url, otherSlug, signature(otherSlug))).status).toBe(400);
    const withoutSecret = await post(`${unsigned.url}/.well-known/registry-verification`, body);
    expect(withoutSecret.status).toBe(503);
  });
});
