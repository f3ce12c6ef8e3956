import { type APIRequestContext, expect } from '@playwright/test';
import { ENDPOINT_VERIFICATION_PATH } from '@registry/contracts';
import {
  answerChallenge,
  type PluginRoute,
  startPluginServer,
  type TestPluginServer,
} from '@registry/testing';

/**
 * A plugin of the spec's own, created over the REST API on a fresh server of its own that
 * proves it owns its endpoint (as its operator's server would): active, with no actions yet.
 */
export async function startVerifiedPlugin(
  request: APIRequestContext,
  plugin: { name: string; slug: string },
  routes: Record<string, PluginRoute>,
): Promise<{ id: string; server: TestPluginServer }> {
  let secret: string | undefined;
  const server = await startPluginServer({
    ...routes,
    [ENDPOINT_VERIFICATION_PATH]: answerChallenge(() => secret),
  });
  await request.delete(`/api/plugins/${plugin.slug}`); // left by an earlier run, if any
  const created = await request.post('/api/plugins', {
    data: { ...plugin, api_endpoint: server.url },
  });
  expect(created.status(), await created.text()).toBe(201);
  const body = (await created.json()) as { plugin: { id: string; signing_secret: string } };
  secret = body.plugin.signing_secret;
  const verified = await request.post(`/api/plugins/${plugin.slug}/verify`);
  expect(await verified.json()).toMatchObject({ verified: true });
  return { id: body.plugin.id, server };
}

/** Registers the plugin's set of actions through the REST API; answers the revision made. */
export async function registerActions(
  request: APIRequestContext,
  slug: string,
  actions: object[],
): Promise<number> {
  const answer = await request.post(`/api/plugins/${slug}/register-actions`, {
    data: { actions },
  });
  expect(answer.status(), await answer.text()).toBe(200);
  return ((await answer.json()) as { revision: number }).revision;
}
