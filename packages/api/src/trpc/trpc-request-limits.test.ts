import { randomUUID } from 'node:crypto';
import { MAX_REQUEST_BODY_BYTES, MAX_TRPC_BATCH_CALLS } from '@registry/contracts';
import { createAdminToken } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { insertPlugin } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { handleTrpcRequest } from './handle-trpc-request';

const deps = testRegistryDeps();
const adminToken = (await createAdminToken(deps, DEFAULT_TENANT_ID, 'tRPC limits tests')).token;
const admin = { authorization: `Bearer ${adminToken}` };

/** A request body that counts how much of it was read, and reads nothing ahead. */
function countedBody(chunks: Iterable<Uint8Array>) {
  const read = { chunks: 0, bytes: 0 };
  const iterator = chunks[Symbol.iterator]();
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        const next = iterator.next();
        if (next.done) return controller.close();
        read.chunks++;
        read.bytes += next.value.byteLength;
        controller.enqueue(next.value);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, read };
}

function* endlessSpaces() {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  for (;;) yield chunk;
}

async function post(path: string, body: BodyInit, headers: Record<string, string>) {
  const response = await handleTrpcRequest(
    deps,
    new Request(`http://localhost/api/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
      duplex: 'half',
    } as RequestInit),
  );
  return { status: response.status, body: JSON.parse(await response.text()) };
}

const errorOf = (answer: { body: unknown }) =>
  (answer.body as { error: { message: string; data: { appCode?: string } } }).error;

describe('tRPC request limits, as REST has them', () => {
  it('[TRPC][LIMITS]: a body over 10 MiB is a 413, declared or streamed, read no further', async () => {
    const declared = await post('plugins.create', '{}', {
      ...admin,
      'content-length': String(MAX_REQUEST_BODY_BYTES + 1),
    });
    expect(declared.status).toBe(413);
    expect(errorOf(declared)).toMatchObject({
      message: 'Request body exceeds 10 MiB',
      data: { appCode: 'PAYLOAD_TOO_LARGE' },
    });

    const endless = countedBody(endlessSpaces());
    const streamed = await post('plugins.create', endless.stream, admin);
    expect(streamed.status).toBe(413);
    expect(errorOf(streamed).data.appCode).toBe('PAYLOAD_TOO_LARGE');
    expect(endless.read.bytes).toBeLessThanOrEqual(MAX_REQUEST_BODY_BYTES + 1024 * 1024);

    const slug = `too-large-${randomUUID().slice(0, 8)}`;
    const huge = JSON.stringify({ name: 'x'.repeat(MAX_REQUEST_BODY_BYTES), slug });
    expect((await post('plugins.create', huge, admin)).status).toBe(413);
    expect(await deps.db.plugin.count({ where: { slug } })).toBe(0);
  });

  it('[TRPC][LIMITS]: a caller without a valid credential is refused before its body is read', async () => {
    const slug = `unread-${randomUUID().slice(0, 8)}`;
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });
    const body = JSON.stringify({ slug, actions: [] });
    const credentials: Record<string, string>[] = [
      {},
      { authorization: `Bearer par_admin_${'x'.repeat(43)}` },
    ];
    for (const headers of credentials) {
      const counted = countedBody([new TextEncoder().encode(body)]);
      const answer = await post('actions.register', counted.stream, headers);
      expect(answer.status).toBe(401);
      expect(counted.read.chunks).toBe(0);
    }
  });

  it('[TRPC][LIMITS]: only JSON bodies are read: a form or a byte stream is a 415', async () => {
    const slug = `form-${randomUUID().slice(0, 8)}`;
    const form = new FormData();
    form.set('name', 'Form');
    form.set('slug', slug);
    const formAnswer = await handleTrpcRequest(
      deps,
      new Request('http://localhost/api/trpc/plugins.create', {
        method: 'POST',
        headers: admin,
        body: form,
      }),
    );
    expect(formAnswer.status).toBe(415);
    expect((await formAnswer.json()).error.message).toBe(
      'Content-Type must be application/json (received multipart/form-data)',
    );
    const bytes = await post('plugins.create', new Uint8Array(8), {
      ...admin,
      'content-type': 'application/octet-stream',
    });
    expect(bytes.status).toBe(415);
    expect(errorOf(bytes).data.appCode).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await deps.db.plugin.count({ where: { slug } })).toBe(0);
  });

  it(`[TRPC][LIMITS]: a batch holds at most ${MAX_TRPC_BATCH_CALLS} calls`, async () => {
    const batch = (calls: number) =>
      handleTrpcRequest(
        deps,
        new Request(
          `http://localhost/api/trpc/${Array(calls).fill('plugins.list').join(',')}?batch=1`,
          { headers: admin },
        ),
      );
    const within = await batch(MAX_TRPC_BATCH_CALLS);
    expect(within.status).toBe(200);
    expect(await within.json()).toHaveLength(MAX_TRPC_BATCH_CALLS);

    const over = await batch(MAX_TRPC_BATCH_CALLS + 1);
    expect(over.status).toBe(413);
    const answers = (await over.json()) as { error: { message: string } }[];
    expect(answers[0]?.error.message).toBe(
      `A tRPC batch may hold at most ${MAX_TRPC_BATCH_CALLS} calls (received ${MAX_TRPC_BATCH_CALLS + 1})`,
    );
  });
});
