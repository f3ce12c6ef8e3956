import { randomUUID } from 'node:crypto';
import { MAX_REQUEST_BODY_BYTES } from '@registry/contracts';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, pluginServerForFile } from '@registry/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRestClient, expectRestError, type RestCall } from '../../test/support/rest-client';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const server = await pluginServerForFile({ '/actions/ping': echo });

const slug = `body-${randomUUID().slice(0, 8)}`;
const newSlug = `never-${randomUUID().slice(0, 8)}`;
let pluginId = '';
beforeAll(async () => {
  const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
    slug,
    apiEndpoint: server.url,
    actions: [actionDefinition('ping')],
  });
  pluginId = plugin.id;
});

/** Every route that reads a body, each with a body it would accept. */
const targets = (): [method: string, url: string, valid: unknown][] => [
  ['POST', '/api/plugins', { name: 'Never', slug: newSlug }],
  ['PUT', '/api/plugins', { slug, name: 'Changed' }],
  ['PATCH', '/api/plugins', { slug, name: 'Changed' }],
  ['PUT', `/api/plugins/${slug}`, { name: 'Changed' }],
  ['PATCH', `/api/plugins/${slug}`, { name: 'Changed' }],
  ['POST', `/api/plugins/${slug}/register-actions`, { actions: [] }],
  [
    'POST',
    '/api/plugins/events/automation',
    { events: [{ action_type: 'ping', plugin_id: pluginId }] },
  ],
];

async function expectNothingChanged() {
  const plugin = await getPlugin(deps, DEFAULT_TENANT_ID, slug);
  expect(plugin).toMatchObject({ name: `Plugin ${slug}`, actions_count: 1 });
  expect(await deps.db.plugin.count({ where: { slug: newSlug } })).toBe(0);
  expect(server.calls).toHaveLength(0);
}

async function expectRefusedEverywhere(call: RestCall, status: number, code: string) {
  for (const [method, url] of targets()) {
    const error = expectRestError(await send(method, url, call), status, code);
    expect(error.issues).toBeUndefined();
  }
  await expectNothingChanged();
}

describe('request bodies on every REST route', () => {
  it('[REST][BODY]: malformed JSON is a 400 MALFORMED_JSON', async () => {
    const json = { 'content-type': 'application/json' };
    await expectRefusedEverywhere({ body: '{"actions": [', headers: json }, 400, 'MALFORMED_JSON');
    await expectRefusedEverywhere({ body: "{ name: 'x' }", headers: json }, 400, 'MALFORMED_JSON');
    const answer = await send('POST', '/api/plugins', { body: '{,}', headers: json });
    expect(expectRestError(answer, 400, 'MALFORMED_JSON').error).toMatch(
      /^Request body is not valid JSON: /,
    );
  });

  it('[REST][BODY]: an empty body is a 400 saying a JSON object is expected', async () => {
    const json = { 'content-type': 'application/json' };
    await expectRefusedEverywhere({ headers: json }, 400, 'MALFORMED_JSON');
    await expectRefusedEverywhere({ body: '  \n', headers: json }, 400, 'MALFORMED_JSON');
    const answer = await send('POST', '/api/plugins', { headers: json });
    expect(expectRestError(answer, 400, 'MALFORMED_JSON').error).toBe(
      'Request body is empty; expected a JSON object',
    );
  });

  it('[REST][BODY]: a form-encoded body, as `curl -d` sends without -H, is a 415', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const body = JSON.stringify({ actions: [] });
    await expectRefusedEverywhere({ body, headers: form }, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const xml = { 'content-type': 'application/xml' };
    await expectRefusedEverywhere({ body: '<a/>', headers: xml }, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const answer = await send('POST', '/api/plugins', { body, headers: form });
    expect(expectRestError(answer, 415, 'UNSUPPORTED_MEDIA_TYPE').error).toBe(
      'Content-Type must be application/json (received application/x-www-form-urlencoded)',
    );
  });

  it('[REST][BODY]: a body over 10 MiB is a 413, declared or not', async () => {
    const json = { 'content-type': 'application/json' };
    const huge = `{"name":"${'x'.repeat(MAX_REQUEST_BODY_BYTES)}"}`;
    await expectRefusedEverywhere({ body: huge, headers: json }, 413, 'PAYLOAD_TOO_LARGE');
    const declared = { ...json, 'content-length': String(MAX_REQUEST_BODY_BYTES + 1) };
    await expectRefusedEverywhere({ body: '{}', headers: declared }, 413, 'PAYLOAD_TOO_LARGE');
    const chunk = new Uint8Array(1024 * 1024).fill(0x20);
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(chunk);
      },
    });
    const streamed = await send('POST', '/api/plugins', { body: stream, headers: json });
    expect(expectRestError(streamed, 413, 'PAYLOAD_TOO_LARGE').error).toBe(
      'Request body exceeds 10 MiB',
    );
    await expectNothingChanged();
  });

  it('[REST][BODY]: JSON that is not an object is a 400 VALIDATION_ERROR naming the body', async () => {
    for (const text of ['null', '[]', '"actions"', '42']) {
      for (const [method, url] of targets()) {
        const answer = await send(method, url, {
          body: text,
          headers: { 'content-type': 'application/json' },
        });
        const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
        expect(error.issues).toEqual([{ field: 'body', message: expect.any(String) }]);
        expect(error.error).toMatch(/^Invalid request: body: expected object, received /);
      }
    }
    await expectNothingChanged();
  });

  it('[REST][BODY]: JSON content types with parameters or a +json suffix, or none, are read', async () => {
    const reader = `reader-${randomUUID().slice(0, 8)}`;
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug: reader });
    // A byte body carries no content type of its own, unlike a string body (text/plain).
    const body = new TextEncoder().encode(JSON.stringify({ actions: [actionDefinition('a')] }));
    const url = `/api/plugins/${reader}/register-actions`;
    const contentTypes: Record<string, string>[] = [
      { 'content-type': 'application/json; charset=utf-8' },
      { 'content-type': 'Application/JSON' },
      { 'content-type': 'application/vnd.registry+json' },
      {},
    ];
    for (const headers of contentTypes) {
      const answer = await send('POST', url, { body, headers });
      expect(answer.body).toMatchObject({ success: true, actions_count: 1 });
    }
  });

  it('[REST][BODY]: a header-less fetch (text/plain), as in the seed document, is read as JSON', async () => {
    const reader = `plain-${randomUUID().slice(0, 8)}`;
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug: reader });
    const request = new Request(`http://localhost/api/plugins/${reader}/register-actions`, {
      method: 'POST',
      body: JSON.stringify({ actions: [actionDefinition('plain_text')] }),
    });
    expect(request.headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    const answer = await send('POST', `/api/plugins/${reader}/register-actions`, {
      body: JSON.stringify({ actions: [actionDefinition('plain_text')] }),
    });
    expect(answer.body).toMatchObject({ success: true, actions_count: 1 });
  });
});
