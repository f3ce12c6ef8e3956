import type { Plugin, RegistrationPreview, RestErrorBody } from '@registry/contracts';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, startPluginServer } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ping, refund, pluginInUse as usedPlugin } from '../../test/support/plugin-in-use';
import { createRestClient, expectRestError } from '../../test/support/rest-client';
import { callerFor } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
const send = createRestClient(deps);
let plugins: Awaited<ReturnType<typeof startPluginServer>>;

beforeAll(async () => {
  plugins = await startPluginServer({ '/actions/refund': echo, '/actions/ping': echo });
});
afterAll(async () => {
  await plugins.close();
});

const pluginInUse = () => usedPlugin(deps, send, plugins.url);

const preview = (slug: string, json: unknown) =>
  send('POST', `/api/plugins/${slug}/registrations/preview`, { json });

/** What a user sees of a plugin's registration: its set, and its revisions. */
async function registrationOf(slug: string) {
  const plugin = await send('GET', `/api/plugins/${slug}`);
  const history = await send('GET', `/api/plugins/${slug}/registrations`);
  return {
    actions: (plugin.body as { plugin: Plugin }).plugin.registered_actions,
    revisions: (history.body as { registrations: unknown[] }).registrations.length,
  };
}

describe('POST /api/plugins/{slug}/registrations/preview', () => {
  it('[ACTIONS][PREVIEW]: says a breaking change to a used action would be refused, for whom, and what it changes; stores nothing', async () => {
    const plugin = await pluginInUse();
    const before = await registrationOf(plugin.slug);
    const body = { actions: [refund(['order_id', 'amount']), actionDefinition('export')] };

    const answer = await preview(plugin.slug, body);

    expect(answer.status).toBe(200);
    const result = answer.body as RegistrationPreview;
    expect(result).toMatchObject({
      plugin_slug: plugin.slug,
      revision: 0,
      would_accept: false,
      breaking_policy: { rule: 'refuse-used', source: 'server' },
      refused_for: ['refund'],
      affected: [
        { action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 },
        { action_type: 'ping', events_last_30_days: 0, flows_last_30_days: 0 },
      ],
    });
    expect(result.breaking_changes.map((change) => [change.action_type, change.change])).toEqual([
      ['refund', 'required_field_added'],
      ['ping', 'action_removed'],
    ]);
    expect(result.diff).toMatchObject({ added: ['export'], removed: ['ping'] });
    expect(result.diff.changed.map((action) => action.action_type)).toEqual(['refund']);
    expect(await registrationOf(plugin.slug)).toEqual(before);

    // What registering it does matches the preview: refused for the same changes.
    const registered = await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
      json: body,
    });
    const refusal = expectRestError(registered, 409, 'CONFLICT') as RestErrorBody;
    expect(refusal.breaking_changes).toEqual(result.breaking_changes);
  });

  it('[ACTIONS][PREVIEW]: with allow_breaking, or a plugin whose own policy is warn, it would be accepted; the usage is still reported', async () => {
    const plugin = await pluginInUse();
    const body = { actions: [ping] };
    const allowed = await preview(plugin.slug, { ...body, allow_breaking: true });
    expect(allowed.body).toMatchObject({ would_accept: true, refused_for: [] });

    await send('PATCH', `/api/plugins/${plugin.slug}`, { json: { breaking_policy: 'warn' } });
    const warned = (await preview(plugin.slug, body)).body as RegistrationPreview;
    expect(warned).toMatchObject({
      would_accept: true,
      breaking_policy: { rule: 'warn', source: 'plugin' },
      affected: [{ action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 }],
    });
    const registered = await send('POST', `/api/plugins/${plugin.slug}/register-actions`, {
      json: body,
    });
    expect(registered.status).toBe(200);
    expect((registered.body as { breaking_changes: unknown }).breaking_changes).toEqual(
      warned.breaking_changes,
    );
  });

  it('[ACTIONS][PREVIEW]: a body registration refuses is a 400 naming the field; an unknown plugin a 404', async () => {
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, { actions: [ping] });
    const invalid = await preview(plugin.slug, { actions: [{ ...ping, endpoint: 42 }] });
    const body = expectRestError(invalid, 400, 'VALIDATION_ERROR');
    expect(body.issues?.map((issue) => issue.field)).toEqual(['actions[0].endpoint']);
    expectRestError(await preview('no-such-plugin', { actions: [ping] }), 404, 'NOT_FOUND');
  });

  it('[TRPC][ACTIONS][PREVIEW]: plugins.previewRegistration answers what the REST route does', async () => {
    const plugin = await pluginInUse();
    const body = { actions: [refund(['order_id'])] };
    const rest = await preview(plugin.slug, body);
    const trpc = await callerFor(deps, DEFAULT_TENANT_ID).plugins.previewRegistration({
      slug: plugin.slug,
      ...body,
    });
    expect(trpc).toEqual(rest.body);
    expect(trpc).toMatchObject({
      would_accept: true,
      refused_for: [],
      diff: { removed: ['ping'] },
    });
  });
});
