import { randomUUID } from 'node:crypto';
import { createRegistryDeps } from '@registry/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';

// A real database client for a loopback port where no database listens: every query fails
// with a driver error whose message names the host, port and cause.
const unreachable = createRegistryDeps({
  DATABASE_URL: 'postgresql://registry:secret-password@127.0.0.1:1/registry',
  LOG_LEVEL: 'silent',
});
afterAll(() => unreachable.db.$disconnect());
const client = createRestClient(unreachable);
// Checking a token needs the database too: a well-formed token reaches it, and fails there.
const token = `par_admin_${'x'.repeat(43)}`;
const send: typeof client = (method, url, call = {}) =>
  client(method, url, {
    ...call,
    headers: {
      ...(call.json === undefined ? call.headers : { 'content-type': 'application/json' }),
      authorization: `Bearer ${token}`,
    },
    ...(call.json === undefined ? {} : { json: undefined, body: JSON.stringify(call.json) }),
  });

describe('REST server faults', () => {
  it('[REST][ERRORS]: a failure of ours is a bare 500 that reveals nothing of its cause', async () => {
    const slug = `fault-${randomUUID().slice(0, 8)}`;
    const answers = [
      await send('GET', '/api/plugins'),
      await send('GET', `/api/plugins/${slug}`),
      await send('POST', '/api/plugins', { json: { name: 'Fault', slug } }),
      await send('POST', `/api/plugins/${slug}/register-actions`, { json: { actions: [] } }),
      await send('GET', '/api/plugins/actions'),
      await send('GET', '/api/plugins/events/automation'),
      await send('POST', '/api/plugins/events/automation', {
        json: { events: [{ action_type: 'create_task', payload: { title: 'x' } }] },
      }),
    ];
    for (const answer of answers) {
      const error = expectRestError(answer, 500, 'INTERNAL_ERROR');
      expect(error).toEqual({
        success: false,
        error: 'Internal server error',
        code: 'INTERNAL_ERROR',
      });
      expect(answer.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|secret|prisma|registry:/i);
    }
  });
});
