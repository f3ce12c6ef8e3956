import { randomUUID } from 'node:crypto';
import { ZRotateSigningSecretResponseSchema } from '@registry/contracts';
import { createAdminToken } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, startPluginServer } from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor } from '../../test/support/trpc-caller';
import { createRestRouter } from './rest-router';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

describe('signing secrets', () => {
  it('[PLUGINS][SECRET]: creation answers the secret once; rotation returns a new one, by REST and tRPC', async () => {
    const slug = uniqueSlug('signed');
    const created = await send('POST', '/api/plugins', { json: { name: 'Signed', slug } });
    expect(created.status).toBe(201);
    const { plugin } = created.body as { plugin: { signing_secret: string } };
    const signing_secret = plugin.signing_secret;
    expect(signing_secret).toMatch(/^whsec_/);
    const shown = await send('GET', `/api/plugins/${slug}`);
    expect(shown.text).not.toContain('whsec_');

    const rotated = await send('POST', `/api/plugins/${slug}/rotate-secret`);
    expect(rotated.status).toBe(200);
    const body = ZRotateSigningSecretResponseSchema.parse(rotated.body);
    expect(body.signing_secret).not.toBe(signing_secret);
    expect(Date.parse(body.previous_secret_valid_until ?? '') - Date.now()).toBeGreaterThan(
      23 * 3600_000,
    );

    const again = await callerFor(deps, DEFAULT_TENANT_ID).plugins.rotateSecret({ slug });
    expect(again.signing_secret).not.toBe(body.signing_secret);
    expectRestError(
      await send('POST', '/api/plugins/no-such-plugin/rotate-secret'),
      404,
      'NOT_FOUND',
    );
  });
});

describe('GET /api/metrics', () => {
  it('[METRICS][PROMETHEUS]: for admins: dispatched events, attempt latency and retries in Prometheus text', async () => {
    const slug = uniqueSlug('measured');
    const server = await startPluginServer({ '/actions/act': echo });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      apiEndpoint: server.url,
      actions: [actionDefinition('act')],
    });
    await send('POST', '/api/plugins/events/automation', {
      json: {
        events: [{ action_type: 'act', plugin_id: plugin.id }, { action_type: 'no_such_action' }],
      },
    });

    const scrape = (headers: Record<string, string> = {}) =>
      createRestRouter(deps)(
        new Request('http://localhost/api/metrics', { headers }),
      ) as Promise<Response>;
    expect((await scrape()).status).toBe(401);
    const { token } = await createAdminToken(deps, DEFAULT_TENANT_ID, 'metrics scraper');
    const response = await scrape({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain(
      `registry_dispatched_events_total{action_type="act",plugin="${slug}",outcome="success"} 1`,
    );
    expect(text).toContain(
      'registry_dispatched_events_total{action_type="unknown",plugin="none",outcome="ACTION_NOT_FOUND"}',
    );
    expect(text).toContain(
      `registry_plugin_attempt_duration_seconds_count{plugin="${slug}",outcome="success"} 1`,
    );
    expect(text).toContain('# TYPE registry_plugin_retries_total counter');
    expect(text).toContain('# TYPE registry_plugin_circuit_state gauge');
  });
});
