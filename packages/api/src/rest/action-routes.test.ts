import { randomUUID } from 'node:crypto';
import { ZRegisterActionsResponseSchema } from '@registry/contracts';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { EMAIL_AUTOMATION_PLUGIN_ID, SEED_PLUGINS } from '@registry/db/seed';
import { actionDefinition, insertPlugin, UNCALLED_HEALTH } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { createRestClient, expectRestError } from '../../test/support/rest-client';

const deps = testRegistryDeps();
const send = createRestClient(deps);

/** REST acts for the default tenant, which other test files share: unique slugs isolate. */
const uniqueSlug = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

const storedActionTypes = async (slug: string) =>
  (await getPlugin(deps, DEFAULT_TENANT_ID, slug)).registered_actions.actions.map(
    (action) => action.action_type,
  );

/**
 * The seed request: the email plugin's two seed actions, the second sent without
 * `optional_fields` (so discovery shows the default, `[]`).
 */
const [welcomeEmail, cartEmail] =
  SEED_PLUGINS.find((plugin) => plugin.id === EMAIL_AUTOMATION_PLUGIN_ID)?.actions ?? [];
if (!welcomeEmail || !cartEmail) throw new Error('the email seed plugin lost an action');
const { optional_fields: _defaulted, ...cartEmailWithoutOptionalFields } = cartEmail;
const seedActions = [welcomeEmail, cartEmailWithoutOptionalFields];

describe('POST /api/plugins/{slug}/register-actions', () => {
  it('[REST][REGISTER]: the seed request registers the set and answers success with a message', async () => {
    const slug = uniqueSlug('email-automation');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('old')] });

    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions: seedActions },
    });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      success: true,
      message: `Registered 2 actions for plugin: ${slug}`,
      actions_count: 2,
      changes: { added: ['send_welcome_email', 'send_abandoned_cart_email'], removed: ['old'] },
    });
    ZRegisterActionsResponseSchema.parse(answer.body);
    expect(await storedActionTypes(slug)).toEqual([
      'send_welcome_email',
      'send_abandoned_cart_email',
    ]);
  });

  it('[REST][REGISTER]: a second registration replaces the stored set, it does not merge', async () => {
    const slug = uniqueSlug('mailer');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });
    const url = `/api/plugins/${slug}/register-actions`;
    await send('POST', url, { json: { actions: seedActions } });

    const answer = await send('POST', url, { json: { actions: [actionDefinition('only_one')] } });

    expect(answer.body).toMatchObject({ success: true, actions_count: 1 });
    expect(await storedActionTypes(slug)).toEqual(['only_one']);
    const empty = await send('POST', url, { json: { actions: [] } });
    expect(empty.body).toMatchObject({ message: `Registered 0 actions for plugin: ${slug}` });
    expect(await storedActionTypes(slug)).toEqual([]);
  });

  it('[REST][REGISTER]: an invalid set is a 400 naming every field and leaves the stored set as it was', async () => {
    const slug = uniqueSlug('keeper');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('kept')] });
    const url = `/api/plugins/${slug}/register-actions`;
    const attempts = [
      { actions: [{ ...seedActions[0], action_type: 'Send Welcome' }] },
      { actions: [{ title: 'No type', required_fields: [], endpoint: '/x' }] },
      { actions: [{ ...seedActions[0], required_fields: 'user_id' }] },
      { actions: [{ ...seedActions[0], endpoint: 'https://elsewhere.example/x' }] },
      { actions: [seedActions[0], seedActions[0]] },
      { actions: [{ ...seedActions[0], surprise: true }] },
      { actions: seedActions, extra: 1 },
      { action: seedActions },
    ];
    const expectedFields = [
      ['actions[0].action_type'],
      ['actions[0].action_type'],
      ['actions[0].required_fields'],
      ['actions[0].endpoint'],
      ['actions[1].action_type'],
      ['actions[0]'],
      ['body'],
      ['actions', 'body'],
    ];

    for (const [index, json] of attempts.entries()) {
      const error = expectRestError(await send('POST', url, { json }), 400, 'VALIDATION_ERROR');
      const fields = expectedFields[index] ?? [];
      expect(error.issues?.map((issue) => issue.field).sort()).toEqual(fields);
      for (const field of fields) expect(error.error).toContain(`${field}: `);
    }
    expect(await storedActionTypes(slug)).toEqual(['kept']);
  });

  it('[REST][REGISTER]: a missing field says it is required; an unknown one is named', async () => {
    const slug = uniqueSlug('namer');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug });
    const { title: _title, ...untitled } = welcomeEmail;
    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions: [{ ...untitled, priority: 'high' }] },
    });
    const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
    expect(error.issues).toEqual(
      expect.arrayContaining([
        { field: 'actions[0].title', message: 'is required' },
        { field: 'actions[0]', message: 'unknown field "priority"' },
      ]),
    );
  });

  it('[REST][REGISTER]: a set over 4 MiB in all is a 400 naming actions; the stored set stays', async () => {
    const slug = uniqueSlug('heavy');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, { slug, actions: [actionDefinition('kept')] });
    // 100 actions of 50 KiB each: each within its own limits, together 5 MiB.
    const actions = Array.from({ length: 100 }, (_, index) => ({
      ...actionDefinition(`heavy_${index}`),
      description: 'x'.repeat(2000),
      required_fields: undefined,
      input_schema: {
        type: 'object',
        properties: { text: { type: 'string', description: 'y'.repeat(50 * 1024) } },
      },
    }));
    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions },
    });
    const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
    expect(error.issues).toEqual([
      {
        field: 'actions',
        message: expect.stringMatching(/^must be at most 4 MiB as JSON, all actions together/),
      },
    ]);
    expect(await storedActionTypes(slug)).toEqual(['kept']);
  });

  it('[REST][REGISTER]: an unknown slug is a 404 naming the slug', async () => {
    const slug = uniqueSlug('ghost');
    const answer = await send('POST', `/api/plugins/${slug}/register-actions`, {
      json: { actions: seedActions },
    });
    expect(expectRestError(answer, 404, 'NOT_FOUND').error).toBe(`Plugin not found: ${slug}`);
  });
});

describe('GET /api/plugins/actions', () => {
  it('[REST][DISCOVER]: lists registered actions with plugin_id, plugin_slug and plugin_name', async () => {
    const slug = uniqueSlug('email-automation');
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      name: 'Email Automation Plugin',
    });
    await send('POST', `/api/plugins/${slug}/register-actions`, { json: { actions: seedActions } });

    const answer = await send('GET', '/api/plugins/actions');

    expect(answer.status).toBe(200);
    const { actions } = answer.body as { actions: Record<string, unknown>[] };
    const ours = actions.filter((action) => action.plugin_slug === slug);
    expect(ours).toEqual([
      {
        ...seedActions[0],
        source: 'plugin',
        plugin_id: plugin.id,
        plugin_slug: slug,
        plugin_name: 'Email Automation Plugin',
        // Other test files' plugins of the default tenant may have registered the type first.
        default_provider: expect.any(Boolean),
        health: UNCALLED_HEALTH,
      },
      expect.objectContaining({
        action_type: 'send_abandoned_cart_email',
        optional_fields: [],
        plugin_id: plugin.id,
      }),
    ]);
    expect(actions.filter((action) => action.source === 'platform')).toHaveLength(13);
  });

  it('[REST][DISCOVER]: ?category= and ?plugin= filter; an empty ?category= means no filter', async () => {
    const slug = uniqueSlug('mixed');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      actions: [
        actionDefinition('mail_one', { category: 'email' }),
        actionDefinition('text_one', { category: 'sms' }),
      ],
    });
    const typesOf = (body: unknown, filterSlug = slug) =>
      (body as { actions: { action_type: string; plugin_slug: string | null }[] }).actions
        .filter((action) => action.plugin_slug === filterSlug)
        .map((action) => action.action_type);

    const email = await send('GET', '/api/plugins/actions?category=email');
    expect(typesOf(email.body)).toEqual(['mail_one']);
    const blank = await send('GET', '/api/plugins/actions?category=');
    expect(typesOf(blank.body)).toEqual(['mail_one', 'text_one']);
    const byPlugin = await send('GET', `/api/plugins/actions?plugin=${slug}`);
    const all = (byPlugin.body as { actions: { plugin_slug: string | null }[] }).actions;
    expect(all.every((action) => action.plugin_slug === slug)).toBe(true);
    expect(typesOf(byPlugin.body)).toEqual(['mail_one', 'text_one']);
    const both = await send('GET', `/api/plugins/actions?plugin=${slug}&category=sms`);
    expect((both.body as { actions: unknown[] }).actions).toHaveLength(1);
    const none = await send('GET', `/api/plugins/actions?plugin=${uniqueSlug('nobody')}`);
    expect(none.body).toEqual({ actions: [] });
  });

  it('[REST][DISCOVER]: an inactive plugin offers no actions', async () => {
    const slug = uniqueSlug('sleeping');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      status: 'inactive',
      actions: [actionDefinition('dormant')],
    });
    const answer = await send('GET', `/api/plugins/actions?plugin=${slug}`);
    expect(answer.body).toEqual({ actions: [] });
  });

  it('[REST][DISCOVER]: an invalid filter is a 400 naming the parameter', async () => {
    const answer = await send('GET', '/api/plugins/actions?category=Not%20Valid');
    const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
    expect(error.issues?.map((issue) => issue.field)).toEqual(['category']);
    expect(error.error).toContain('category: ');
  });

  it('[REST][DISCOVER]: an unknown ?sort= or ?healthy= is a 400 naming it', async () => {
    for (const [query, field] of [
      ['sort=fastest', 'sort'],
      ['healthy=yes', 'healthy'],
    ] as const) {
      const answer = await send('GET', `/api/plugins/actions?${query}`);
      const error = expectRestError(answer, 400, 'VALIDATION_ERROR');
      expect(error.issues?.map((issue) => issue.field)).toEqual([field]);
    }
  });

  it('[REST][DISCOVER]: ?healthy=true&sort=p95 pages with next_cursor, each action with its health', async () => {
    const slug = uniqueSlug('sorted');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      actions: ['one', 'two', 'three'].map((name) => actionDefinition(`sorted_${name}`)),
    });
    const query = `plugin=${slug}&healthy=true&sort=p95&limit=2`;
    const first = await send('GET', `/api/plugins/actions?${query}`);
    const body = first.body as { actions: { action_type: string }[]; next_cursor: string };
    const cursor = encodeURIComponent(body.next_cursor);
    const second = await send('GET', `/api/plugins/actions?${query}&cursor=${cursor}`);
    const types = [...body.actions, ...(second.body as typeof body).actions].map(
      (action) => action.action_type,
    );
    expect(types).toEqual(['sorted_one', 'sorted_two', 'sorted_three']);
    expect(second.body).toMatchObject({
      actions: [{ health: { window: '24h', calls: 0, circuit: 'closed' } }],
      next_cursor: null,
    });
  });

  it("[REST][DISCOVER]: ?limit= pages through a plugin's actions with next_cursor", async () => {
    const slug = uniqueSlug('paged');
    await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      actions: ['one', 'two', 'three'].map((name) => actionDefinition(`paged_${name}`)),
    });
    const first = await send('GET', `/api/plugins/actions?plugin=${slug}&limit=2`);
    const body = first.body as { actions: { action_type: string }[]; next_cursor: string };
    expect(body.actions.map((a) => a.action_type)).toEqual(['paged_one', 'paged_two']);
    const cursor = encodeURIComponent(body.next_cursor);
    const second = await send(
      'GET',
      `/api/plugins/actions?plugin=${slug}&limit=2&cursor=${cursor}`,
    );
    expect(second.body).toMatchObject({
      actions: [{ action_type: 'paged_three' }],
      next_cursor: null,
    });
    expectRestError(await send('GET', '/api/plugins/actions?limit=0'), 400, 'VALIDATION_ERROR');
  });
});
