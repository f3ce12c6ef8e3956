import {
  ENDPOINT_VERIFICATION_PATH,
  ZCreatePluginRequestSchema,
  ZDispatchRequestSchema,
  ZRegisterActionsRequestSchema,
} from '@registry/contracts';
import {
  actionDefinition,
  answerChallenge,
  echo,
  newTenantId,
  respondJson,
  startCanary,
  startPluginServer,
} from '@registry/testing';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { registerActions } from '../actions/register-actions';
import { dispatchEvents } from '../dispatch/dispatch-events';
import { parseInput } from '../errors/app-error';
import { verifyPluginEndpoint } from './plugin-activation';
import { createPlugin, getPlugin, patchPlugin, setPluginStatus } from './plugin-queries';

const deps = testRegistryDeps();

/** A plugin server that answers the challenge with the secret it is given once created. */
async function pluginServer(answer: 'right' | 'wrong' = 'right') {
  let secret = '';
  const server = await startPluginServer({
    [ENDPOINT_VERIFICATION_PATH]:
      answer === 'right'
        ? answerChallenge(() => secret)
        : respondJson(200, { challenge_response: 'bm90IHRoZSBhbnN3ZXI=' }),
    '/actions/ping': echo,
  });
  onTestFinished(() => server.close());
  return { server, learn: (signingSecret: string) => (secret = signingSecret) };
}

async function createAt(tenant: string, url: string) {
  const slug = `owned-${Math.random().toString(36).slice(2, 8)}`;
  const created = await createPlugin(
    deps,
    tenant,
    parseInput(ZCreatePluginRequestSchema, { name: 'Owned', slug, api_endpoint: url }),
  );
  await registerActions(
    deps,
    tenant,
    slug,
    parseInput(ZRegisterActionsRequestSchema, { actions: [actionDefinition('ping')] }),
  );
  return created;
}

const ping = (tenant: string, pluginId: string) =>
  dispatchEvents(
    deps,
    tenant,
    parseInput(ZDispatchRequestSchema, {
      events: [{ action_type: 'ping', plugin_id: pluginId, payload: {} }],
    }),
  );

describe('endpoint ownership proof', () => {
  it('[PLUGINS][VERIFY]: a new plugin serves only after its endpoint answers a signed challenge', async () => {
    const tenant = newTenantId();
    const { server, learn } = await pluginServer();
    const created = await createAt(tenant, server.url);
    expect(created.status).toBe('pending_verification');

    const refused = await ping(tenant, created.id);
    expect(refused.results[0]).toMatchObject({
      success: false,
      error_code: 'PLUGIN_INACTIVE',
      error: expect.stringMatching(/ownership challenge/),
    });
    expect(server.calls.filter((call) => call.path === '/actions/ping')).toHaveLength(0);

    learn(created.signing_secret);
    const verified = await verifyPluginEndpoint(deps, tenant, created.slug);
    expect(verified).toMatchObject({ verified: true, status: 'active' });

    const challenge = server.calls.find((call) => call.path === ENDPOINT_VERIFICATION_PATH);
    expect(challenge?.body).toMatchObject({
      type: 'endpoint.verification',
      plugin_slug: created.slug,
    });
    const headers = challenge?.headers as Record<string, string>;
    expect(() =>
      new Webhook(created.signing_secret).verify(JSON.stringify(challenge?.body), headers),
    ).not.toThrow();
    expect((await ping(tenant, created.id)).results[0]).toMatchObject({ success: true });
    expect((await getPlugin(deps, tenant, created.slug)).endpoint_verification).toMatchObject({
      verified: true,
      error: null,
    });
  });

  it('[PLUGINS][VERIFY]: a wrong answer keeps the plugin waiting and says why', async () => {
    const tenant = newTenantId();
    const { server } = await pluginServer('wrong');
    const created = await createAt(tenant, server.url);

    const result = await verifyPluginEndpoint(deps, tenant, created.slug);

    expect(result).toMatchObject({ verified: false, status: 'pending_verification' });
    expect(result.message).toMatch(/wrong response/);
    const plugin = await getPlugin(deps, tenant, created.slug);
    expect(plugin.status).toBe('pending_verification');
    expect(plugin.endpoint_verification).toMatchObject({ verified: false });
    expect(plugin.endpoint_verification?.error).toMatch(/wrong response/);
  });

  it('[PLUGINS][VERIFY]: activating before the proof is refused with 409 and changes nothing', async () => {
    const tenant = newTenantId();
    const { server } = await pluginServer('wrong');
    const created = await createAt(tenant, server.url);
    await setPluginStatus(deps, tenant, created.slug, 'inactive');

    await expect(setPluginStatus(deps, tenant, created.slug, 'active')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/ownership/),
    });
    expect((await getPlugin(deps, tenant, created.slug)).status).toBe('inactive');
  });

  it('[PLUGINS][VERIFY]: a PATCH asking for active keeps its change and the plugin waits for the proof', async () => {
    const tenant = newTenantId();
    const { server } = await pluginServer('wrong');
    const created = await createAt(tenant, server.url);

    const patched = await patchPlugin(deps, tenant, created.slug, {
      status: 'active',
      name: 'Renamed',
    });

    expect(patched).toMatchObject({ status: 'pending_verification', name: 'Renamed' });
    expect(patched.endpoint_verification?.error).toMatch(/wrong response/);
  });

  it('[PLUGINS][VERIFY]: re-pointing an active plugin holds it until the new endpoint proves itself', async () => {
    const tenant = newTenantId();
    const first = await pluginServer();
    const created = await createAt(tenant, first.server.url);
    first.learn(created.signing_secret);
    await verifyPluginEndpoint(deps, tenant, created.slug);

    const impostor = await pluginServer('wrong');
    const moved = await patchPlugin(deps, tenant, created.slug, {
      api_endpoint: impostor.server.url,
    });
    expect(moved.status).toBe('pending_verification');
    expect((await ping(tenant, created.id)).results[0]).toMatchObject({ success: false });
    expect(impostor.server.calls.filter((call) => call.path === '/actions/ping')).toHaveLength(0);

    const back = await patchPlugin(deps, tenant, created.slug, {
      api_endpoint: first.server.url,
    });
    expect(back.status).toBe('active');
    expect((await ping(tenant, created.id)).results[0]).toMatchObject({ success: true });
  });

  it('[PLUGINS][VERIFY]: an inactive plugin can be proven without being switched on', async () => {
    const tenant = newTenantId();
    const { server, learn } = await pluginServer();
    const created = await createAt(tenant, server.url);
    await setPluginStatus(deps, tenant, created.slug, 'inactive');
    learn(created.signing_secret);

    expect(await verifyPluginEndpoint(deps, tenant, created.slug)).toMatchObject({
      verified: true,
      status: 'inactive',
    });
    expect((await setPluginStatus(deps, tenant, created.slug, 'active')).status).toBe('active');
  });

  it('[PLUGINS][VERIFY][SSRF]: the challenge never reaches an address outside the allow-list', async () => {
    const canary = await startCanary('127.0.0.2');
    onTestFinished(() => canary.close());
    const tenant = newTenantId();
    const created = await createAt(tenant, `http://127.0.0.2:${canary.port}`);

    const result = await verifyPluginEndpoint(deps, tenant, created.slug);

    expect(result).toMatchObject({ verified: false, status: 'pending_verification' });
    expect(result.message).toMatch(/not allowed|refused|127\.0\.0\.2/i);
    expect(canary.connections).toBe(0);
  });

  /**
   * A plugin server that, on receiving the challenge, has another request re-point the plugin
   * to `elsewhere` (a PATCH, run to its end) before it answers the challenge correctly.
   */
  async function repointedDuringProof(tenant: string, elsewhere: string) {
    let plugin = { slug: '', secret: '' };
    const server = await startPluginServer({
      [ENDPOINT_VERIFICATION_PATH]: async (call, response) => {
        await patchPlugin(deps, tenant, plugin.slug, { api_endpoint: elsewhere });
        await answerChallenge(() => plugin.secret)(call, response);
      },
    });
    onTestFinished(() => server.close());
    const created = await createAt(tenant, server.url);
    plugin = { slug: created.slug, secret: created.signing_secret };
    return created;
  }

  it('[PLUGINS][VERIFY][RACE]: re-pointed between proof and activation, the plugin stays pending', async () => {
    const tenant = newTenantId();
    const impostor = await pluginServer('wrong');
    const created = await repointedDuringProof(tenant, impostor.server.url);

    const result = await verifyPluginEndpoint(deps, tenant, created.slug);

    expect(result).toMatchObject({ verified: false, status: 'pending_verification' });
    expect(result.message).toMatch(/re-pointed/);
    const plugin = await getPlugin(deps, tenant, created.slug);
    expect(plugin).toMatchObject({
      api_endpoint: impostor.server.url,
      status: 'pending_verification',
    });
    expect((await ping(tenant, created.id)).results[0]).toMatchObject({ success: false });
    expect(impostor.server.calls.filter((call) => call.path === '/actions/ping')).toHaveLength(0);
  });

  it('[PLUGINS][VERIFY][RACE]: activating is refused when the plugin is re-pointed during its proof', async () => {
    const tenant = newTenantId();
    const impostor = await pluginServer('wrong');
    const created = await repointedDuringProof(tenant, impostor.server.url);
    await setPluginStatus(deps, tenant, created.slug, 'inactive');

    await expect(setPluginStatus(deps, tenant, created.slug, 'active')).rejects.toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/re-pointed/),
    });
    expect(await getPlugin(deps, tenant, created.slug)).toMatchObject({
      api_endpoint: impostor.server.url,
      status: 'inactive',
    });
  });
});
