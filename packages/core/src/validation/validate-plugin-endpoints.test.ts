import { ZCreatePluginRequestSchema, ZRegisterActionsRequestSchema } from '@registry/contracts';
import {
  brokenPluginActions,
  newTenantId,
  sendJson,
  startBrokenPlugin,
  startCanary,
  startPluginServer,
} from '@registry/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { registerActions } from '../actions/register-actions';
import { parseInput } from '../errors/app-error';
import { createPlugin } from '../plugins/plugin-queries';
import { validatePluginEndpoints } from './validate-plugin-endpoints';

const deps = testRegistryDeps();
/** A registry whose plugin calls may take at most 400 ms, whatever an action asks for. */
const strictDeps = testRegistryDeps({ PLUGIN_TIMEOUT_MAX_MS: '400' });

/** What the broken plugin's well-behaved action accepts: a user_id and a quantity of at least 1. */
function behavesAccepts(payload: unknown): boolean {
  const body = payload as { user_id?: unknown; quantity?: unknown };
  return (
    typeof body.user_id === 'string' &&
    Number.isInteger(body.quantity) &&
    (body.quantity as number) >= 1
  );
}

/** Creates a plugin at `url` registering the broken plugin's action set; returns its secret. */
async function registeredAt(tenant: string, url: string, slug: string) {
  const created = await createPlugin(
    deps,
    tenant,
    parseInput(ZCreatePluginRequestSchema, { name: slug, slug, api_endpoint: url }),
  );
  await registerActions(
    deps,
    tenant,
    slug,
    parseInput(ZRegisterActionsRequestSchema, { actions: brokenPluginActions.slice(0, 1) }),
  );
  return created.signing_secret;
}

describe('validatePluginEndpoints: the registry validates a plugin with the secret it holds', () => {
  it('[VALIDATOR][REGISTRY]: a well-behaved plugin passes, every call signed with its secret', async () => {
    const server = await startPluginServer({
      '/actions/behaves': (call, response) => {
        const valid = behavesAccepts(call.body);
        sendJson(response, valid ? 200 : 400, valid ? { ok: true } : { error: 'invalid' });
      },
    });
    onTestFinished(() => server.close());
    const tenant = newTenantId();
    const secret = await registeredAt(tenant, server.url, 'tidy');

    const report = await validatePluginEndpoints(deps, tenant, 'tidy');

    expect(report).toMatchObject({ plugin_slug: 'tidy', ok: true });
    expect(report.actions[0]?.checks.length).toBeGreaterThanOrEqual(5);
    expect(server.calls).toHaveLength(report.actions[0]?.checks.length ?? -1);
    for (const call of server.calls) {
      const headers = call.headers as Record<string, string>;
      expect(() => new Webhook(secret).verify(JSON.stringify(call.body), headers)).not.toThrow();
    }
  });

  it('[VALIDATOR][REGISTRY][EXAMPLES]: an example runs first, its setup event a signed call to the other action', async () => {
    const server = await startPluginServer({
      '/actions/behaves': (call, response) => {
        const valid = behavesAccepts(call.body);
        sendJson(response, valid ? 200 : 400, { valid });
      },
      '/actions/warm-up': (call, response) => {
        const valid = typeof (call.body as { user_id?: unknown }).user_id === 'string';
        sendJson(response, valid ? 201 : 400, { warmed: valid });
      },
    });
    onTestFinished(() => server.close());
    const tenant = newTenantId();
    const secret = await registeredAt(tenant, server.url, 'fixtures');
    const [behaves] = brokenPluginActions;
    const warmUp = {
      action_type: 'warm_up',
      title: 'Warm up',
      endpoint: '/actions/warm-up',
      required_fields: ['user_id'],
    };
    const example = {
      name: 'after a warm-up',
      setup: [{ action_type: 'warm_up', payload: { user_id: 'u_example' } }],
      payload: { user_id: 'u_example', quantity: 3 },
    };
    await registerActions(
      deps,
      tenant,
      'fixtures',
      parseInput(ZRegisterActionsRequestSchema, {
        actions: [{ ...behaves, examples: [example] }, warmUp],
      }),
    );

    const report = await validatePluginEndpoints(deps, tenant, 'fixtures');

    expect(report.ok).toBe(true);
    expect(report.actions[0]?.checks[0]).toMatchObject({
      name: 'example "after a warm-up"',
      ok: true,
      status: 200,
      steps: [
        { role: 'setup', action_type: 'warm_up', status: 201 },
        { role: 'example', action_type: 'behaves', status: 200 },
      ],
    });
    expect(server.calls.slice(0, 3).map((call) => [call.path, call.body])).toEqual([
      ['/actions/warm-up', { user_id: 'u_example' }],
      ['/actions/behaves', { user_id: 'u_example', quantity: 3 }],
      // The generated checks vary the example's payload.
      ['/actions/behaves', { user_id: 'u_example', quantity: 3 }],
    ]);
    for (const call of server.calls) {
      const headers = call.headers as Record<string, string>;
      expect(() => new Webhook(secret).verify(JSON.stringify(call.body), headers)).not.toThrow();
    }
  });

  it('[VALIDATOR][REGISTRY]: every injected violation of a broken plugin is reported', async () => {
    const broken = await startBrokenPlugin();
    onTestFinished(() => broken.close());
    const tenant = newTenantId();
    await registeredAt(tenant, broken.url, 'broken');
    await registerActions(
      deps,
      tenant,
      'broken',
      parseInput(ZRegisterActionsRequestSchema, { actions: brokenPluginActions }),
    );

    const report = await validatePluginEndpoints(deps, tenant, 'broken');

    const failed = report.actions.filter((action) => !action.ok).map((a) => a.action_type);
    expect(report.ok).toBe(false);
    expect(failed.sort()).toEqual([
      'accepts_anything',
      'answers_html',
      'crashes_on_valid',
      'hangs',
      'lax_bounds',
    ]);
    // The lax action takes −5 for its positive quantity; the report names the edge that shows it.
    const lax = report.actions.find((action) => action.action_type === 'lax_bounds');
    const minus5 = await fetch(`${broken.url}/actions/lax-bounds`, {
      method: 'POST',
      body: JSON.stringify({ user_id: 'u1', quantity: -5 }),
    });
    expect(minus5.status).toBe(200);
    expect(lax?.checks.filter((check) => !check.ok)).toEqual([
      expect.objectContaining({
        name: 'quantity 0, below its minimum 1',
        expected: '4xx',
        status: 200,
        problem: 'accepted an invalid payload with 200; it must answer 4xx',
      }),
    ]);
  });

  it('[VALIDATOR][OUTPUT]: an accepted payload answered outside the output_schema fails its check, naming the field', async () => {
    const server = await startPluginServer({
      '/actions/find-order': (call, response) => {
        const valid = typeof (call.body as { order_id?: unknown }).order_id === 'string';
        sendJson(response, valid ? 200 : 400, valid ? { total: 'free' } : { error: 'invalid' });
      },
    });
    onTestFinished(() => server.close());
    const tenant = newTenantId();
    await createPlugin(
      deps,
      tenant,
      parseInput(ZCreatePluginRequestSchema, {
        name: 'Orders',
        slug: 'orders',
        api_endpoint: server.url,
      }),
    );
    const outputSchema = { type: 'object', properties: { total: { type: 'number' } } };
    await registerActions(
      deps,
      tenant,
      'orders',
      parseInput(ZRegisterActionsRequestSchema, {
        actions: [
          {
            action_type: 'find_order',
            title: 'Find order',
            endpoint: '/actions/find-order',
            required_fields: ['order_id'],
            output_schema: outputSchema,
          },
        ],
      }),
    );

    const report = await validatePluginEndpoints(deps, tenant, 'orders');

    expect(report.ok).toBe(false);
    const accepted = report.actions[0]?.checks.filter((check) => check.expected === '2xx JSON');
    expect(accepted?.length).toBeGreaterThan(0);
    for (const check of accepted ?? []) {
      expect(check).toMatchObject({
        ok: false,
        status: 200,
        problem:
          'answered 200, but not as output_schema says: result.total expected number, received "free"',
      });
    }
    const refused = report.actions[0]?.checks.filter((check) => check.expected === '4xx');
    expect(refused?.every((check) => check.ok)).toBe(true);
  });

  it('[VALIDATOR][REGISTRY][SSRF]: an endpoint outside the allow-list is never contacted', async () => {
    const canary = await startCanary('127.0.0.3');
    onTestFinished(() => canary.close());
    const tenant = newTenantId();
    await registeredAt(tenant, `http://127.0.0.3:${canary.port}`, 'internal');

    const report = await validatePluginEndpoints(deps, tenant, 'internal');

    expect(report.ok).toBe(false);
    expect(report.actions[0]?.checks.every((check) => check.status === null)).toBe(true);
    expect(canary.connections).toBe(0);
  });

  it("[VALIDATOR][LIMITS]: calls carry dispatch's limits: deadline cap, 1 MiB body cap, user agent", async () => {
    const server = await startPluginServer({
      // Never answers: only the deadline ends the call.
      '/actions/slow': () => {},
      // A 200 whose body never ends: only the body cap (or the deadline) ends the call.
      '/actions/endless': (_call, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(256 * 1024, 0x20);
        const pump = () => {
          while (!response.destroyed && response.write(chunk));
          if (!response.destroyed) response.once('drain', pump);
        };
        pump();
      },
    });
    onTestFinished(() => server.close());
    const tenant = newTenantId();
    await createPlugin(
      strictDeps,
      tenant,
      parseInput(ZCreatePluginRequestSchema, {
        name: 'x',
        slug: 'greedy',
        api_endpoint: server.url,
      }),
    );
    const action = (name: string) => ({
      action_type: name,
      title: name,
      required_fields: [],
      endpoint: `/actions/${name}`,
      // Five minutes, as the contract allows; dispatch would never wait that long.
      timeout_ms: 300_000,
    });
    await registerActions(
      strictDeps,
      tenant,
      'greedy',
      parseInput(ZRegisterActionsRequestSchema, { actions: [action('slow'), action('endless')] }),
    );

    const started = performance.now();
    const report = await validatePluginEndpoints(strictDeps, tenant, 'greedy');

    const [slow, endless] = report.actions.map((a) => a.checks[0]);
    expect(slow).toMatchObject({
      ok: false,
      status: null,
      problem: 'timed out: Plugin did not answer within 400 ms',
    });
    expect(endless).toMatchObject({
      ok: false,
      status: null,
      problem: 'no answer: Plugin response exceeded 1048576 bytes and was not read further',
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(server.calls[0]?.headers['user-agent']).toBe('BCS-Automation/1.0');
  });
});
