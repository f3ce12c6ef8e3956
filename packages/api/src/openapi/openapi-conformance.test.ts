import { randomUUID } from 'node:crypto';
import { ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import { testRegistryDeps } from '@registry/core/test-support';
import { actionDefinition, answerChallenge, echo, pluginServerForFile } from '@registry/testing';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { createRestClient } from '../../test/support/rest-client';
import { restApiDocument as openApiDocument } from './index';

const deps = testRegistryDeps();
const send = createRestClient(deps);
let signingSecret: string | undefined;
const plugin = await pluginServerForFile({
  '/base': echo,
  [`/base${ENDPOINT_VERIFICATION_PATH}`]: answerChallenge(() => signingSecret),
  '/base/actions/notify-customer': echo,
});

// The document as a JSON Schema 2020-12 resource, so each answer's schema is a JSON pointer.
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ ...structuredClone(openApiDocument()), $id: 'openapi.json' });
const pointerSegment = (text: string) => text.replaceAll('~', '~0').replaceAll('/', '~1');

let checked = 0;
/** Calls a route for real and checks its answer against the document's schema for that status. */
async function expectDocumentedAnswer(method: string, route: string, url: string, json?: unknown) {
  const answer = await send(method, url, json === undefined ? {} : { json });
  const schema = ['paths', route, method.toLowerCase(), 'responses', String(answer.status)];
  const pointer = `${schema.map(pointerSegment).join('/')}/content/application~1json/schema`;
  const validate = ajv.getSchema(`openapi.json#/${pointer}`);
  expect(validate, `${method} ${route} documents no ${answer.status} answer`).toBeDefined();
  const valid = validate?.(answer.body);
  expect(valid, `${method} ${url}: ${ajv.errorsText(validate?.errors)}\n${answer.text}`).toBe(true);
  checked++;
  return answer;
}

describe('the OpenAPI document against the running handlers', () => {
  it('[OPENAPI][CONFORMANCE]: every answer of a plugin lifecycle matches its documented schema', async () => {
    const slug = `conformance-${randomUUID().slice(0, 8)}`;
    const item = `/api/plugins/${slug}`;
    const created = await expectDocumentedAnswer('POST', '/api/plugins', '/api/plugins', {
      name: 'Conformance',
      slug,
      api_endpoint: `${plugin.url}/base`,
    });
    expect(created.status).toBe(201);
    signingSecret = (created.body as { plugin: { signing_secret: string } }).plugin.signing_secret;
    await expectDocumentedAnswer('POST', '/api/plugins', '/api/plugins', { name: 'Twice', slug });
    await expectDocumentedAnswer('GET', '/api/plugins', '/api/plugins?status=active&limit=2');
    await expectDocumentedAnswer('PUT', '/api/plugins', '/api/plugins', { slug, name: 'Put' });
    await expectDocumentedAnswer('PATCH', '/api/plugins', '/api/plugins', { slug, name: 'Patch' });
    await expectDocumentedAnswer(
      'POST',
      '/api/plugins/{slug}/register-actions',
      `${item}/register-actions`,
      {
        actions: [
          actionDefinition('notify_customer', { required_fields: ['email'], timeout_ms: 5000 }),
        ],
      },
    );
    await expectDocumentedAnswer(
      'POST',
      '/api/plugins/{slug}/register-actions',
      `${item}/register-actions`,
      {
        actions: [{ action_type: 'Bad Type' }],
      },
    );
    const pluginAnswer = await expectDocumentedAnswer('GET', '/api/plugins/{slug}', item);
    await expectDocumentedAnswer('GET', '/api/plugins/{slug}', '/api/plugins/no-such-plugin');
    await expectDocumentedAnswer('PUT', '/api/plugins/{slug}', item, {
      name: 'Put again',
      api_endpoint: `${plugin.url}/base`,
    });
    await expectDocumentedAnswer('PATCH', '/api/plugins/{slug}', item, { metadata: { tier: 1 } });
    await expectDocumentedAnswer('GET', '/api/plugins/actions', '/api/plugins/actions');
    await expectDocumentedAnswer(
      'GET',
      '/api/plugins/actions',
      '/api/plugins/actions?category=email&limit=1',
    );
    await expectDocumentedAnswer('GET', '/api/plugins/actions', '/api/plugins/actions?limit=0');
    const pluginId = (pluginAnswer.body as { plugin: { id: string } }).plugin.id;
    const verified = await expectDocumentedAnswer(
      'POST',
      '/api/plugins/{slug}/verify',
      `${item}/verify`,
    );
    expect(verified.body).toMatchObject({ verified: true, status: 'active' });
    const defaultProvider = '/api/actions/{action_type}/default-provider';
    await expectDocumentedAnswer(
      'PUT',
      defaultProvider,
      '/api/actions/notify_customer/default-provider',
      {
        plugin_id: pluginId,
      },
    );
    await expectDocumentedAnswer(
      'PUT',
      defaultProvider,
      '/api/actions/send_email/default-provider',
      {
        plugin_id: pluginId,
      },
    );
    const dispatched = await expectDocumentedAnswer(
      'POST',
      '/api/plugins/events/automation',
      '/api/plugins/events/automation',
      {
        flow_execution_id: `conformance-${slug}`,
        events: [
          { action_type: 'notify_customer', plugin_id: pluginId, payload: { email: 'a@b.c' } },
          { action_type: 'notify_customer', plugin_id: pluginId, payload: {} },
          { action_type: 'create_customer', payload: { email: 'conformance@example.com' } },
        ],
      },
    );
    expect(dispatched.body).toMatchObject({ summary: { total: 3, successful: 2, failed: 1 } });
    await expectDocumentedAnswer(
      'GET',
      '/api/plugins/events/automation',
      '/api/plugins/events/automation',
    );
    await expectDocumentedAnswer('GET', '/api/plugins/{slug}/test', `${item}/test`);
    await expectDocumentedAnswer('POST', '/api/plugins/{slug}/rotate-key', `${item}/rotate-key`);
    await expectDocumentedAnswer(
      'POST',
      '/api/plugins/{slug}/rotate-secret',
      `${item}/rotate-secret`,
    );
    await expectDocumentedAnswer('GET', '/api/session', '/api/session');
    await expectDocumentedAnswer('GET', '/api/openapi.json', '/api/openapi.json');
    await expectDocumentedAnswer('DELETE', '/api/plugins/{slug}', item);
    console.log(`[OPENAPI] ${checked} real answers match their documented schemas`);
  });
});
