import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { startApiServer } from '@registry/api/test-support';
import type { CreatedPlugin, RegistrationHistory } from '@registry/contracts';
import { createAdminToken, createRegistryDeps, type RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import {
  action,
  definePlugin,
  listen,
  previewRegistration,
  RegistryRequestError,
  type RunningPlugin,
  registrationPayload,
} from '@registry/plugin-sdk';
import { createTestDatabase, type TestDatabase } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const run = promisify(execFile);
const cliRoot = resolve(import.meta.dirname, '../..');
const folder = mkdtempSync(join(tmpdir(), 'registry-diff-'));

/** The refunds plugin as released: `refund` (order_id) and `ping`; version 2 changes both. */
const refunds = (version: 'released' | 'breaking' | 'compatible') =>
  definePlugin({
    slug,
    actions: {
      refund: action({
        title: 'Refund',
        input: z.object({
          order_id: z.string(),
          ...(version === 'breaking' ? { amount: z.number() } : {}),
          ...(version === 'compatible' ? { note: z.string().optional() } : {}),
        }),
        handler: () => ({ success: true }),
      }),
      ...(version === 'breaking'
        ? {}
        : { ping: action({ title: 'Ping', input: z.object({}), handler: () => ({}) }) }),
      ...(version === 'released'
        ? {}
        : { export: action({ title: 'Export', input: z.object({}), handler: () => ({}) }) }),
    },
  });

let slug: string;
let database: TestDatabase;
let deps: RegistryDeps;
let registry: Awaited<ReturnType<typeof startApiServer>>;
let token: string;
let created: CreatedPlugin;
let released: RunningPlugin;

async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${registry.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return (await response.json()) as T;
}

/** The registry on loopback; the released plugin registered through the SDK; `refund` used twice. */
beforeAll(async () => {
  database = await createTestDatabase();
  deps = createRegistryDeps({
    DATABASE_URL: database.url,
    LOG_LEVEL: 'silent',
    PLUGIN_ALLOWED_ADDRESSES: '127.0.0.1',
  });
  registry = await startApiServer(deps);
  token = (await createAdminToken(deps, DEFAULT_TENANT_ID, 'diff test')).token;
  slug = 'refunds';
  const answer = await api<{ plugin: CreatedPlugin }>('POST', '/api/plugins', {
    name: 'Refunds',
    slug,
  });
  created = answer.plugin;
  released = await listen(refunds('released'), {
    signingSecrets: [created.signing_secret],
    registry: { url: registry.url, apiKey: created.api_key },
    requestLog: false,
  });
  await api('PATCH', `/api/plugins/${slug}`, { api_endpoint: released.url, status: 'active' });
  const event = { action_type: 'refund', plugin_id: created.id, payload: { order_id: 'o1' } };
  const dispatched = await api<{ summary: { successful: number } }>(
    'POST',
    '/api/plugins/events/automation',
    { events: [event, event] },
  );
  expect(dispatched.summary.successful).toBe(2);
}, 60_000);
afterAll(async () => {
  await released?.close();
  await registry?.close();
  await deps?.close();
  await database?.close();
});

/** `pnpm registry …` as a process, against the started registry. */
async function registryCli(...args: string[]) {
  const tsx = resolve(cliRoot, '../../node_modules/.bin/tsx');
  return run(tsx, ['src/main.ts', ...args, '--url', registry.url], {
    cwd: cliRoot,
    env: { ...process.env, DATABASE_URL: '', REGISTRY_TOKEN: token },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      stdout: error.stdout ?? '',
      stderr: error.stderr ?? '',
    }),
  );
}

const registryDiff = (...args: string[]) => registryCli('diff', ...args);

const revisions = async () =>
  (await api<RegistrationHistory>('GET', `/api/plugins/${slug}/registrations`)).registrations
    .length;

describe('pnpm registry diff <slug> <file|url>', () => {
  it('[CLI][DIFF]: a file that breaks a used action: the diff, each breaking change with its use, refused, exit 1; nothing registered', async () => {
    const file = join(folder, 'breaking.json');
    writeFileSync(file, JSON.stringify(registrationPayload(refunds('breaking'))));

    const diff = await registryDiff(slug, file);

    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain("breaking policy refuse-used, the server's default");
    expect(diff.stdout).toContain('  + export  (added)');
    expect(diff.stdout).toContain('  - ping  (removed)');
    expect(diff.stdout).toContain(
      [
        '  ~ refund',
        '      required_fields: changed (["order_id"] → ["order_id","amount"])',
        '      input_schema.properties.amount: added',
        '      input_schema.required: changed (["order_id"] → ["order_id","amount"])',
      ].join('\n'),
    );
    expect(diff.stdout).toContain(
      [
        'Breaking changes (2):',
        '  refund (2 events from 1 flow in the last 30 days)',
        '    - input_schema.properties.amount: required field added',
        '  ping (not called in the last 30 days)',
        '    - action removed',
      ].join('\n'),
    );
    expect(diff.stdout).toContain(
      '✗ Registering it would be refused (409): it breaks callers of refund.',
    );
    expect(await revisions()).toBe(1);
  });

  it('[CLI][DIFF]: a URL: a plugin built on the SDK serves what it would register; a compatible change is accepted, exit 0', async () => {
    const next = await listen(refunds('compatible'), { requestLog: false });
    try {
      const diff = await registryDiff(slug, `${next.url}/.well-known/registry-registration`);
      expect(diff.stderr).toBe('');
      expect(diff.code).toBe(0);
      expect(diff.stdout).toContain('  + export  (added)');
      expect(diff.stdout).toContain('      input_schema.properties.note: added');
      expect(diff.stdout).not.toContain('Breaking changes');
      expect(diff.stdout).toContain('✓ Registering it would be accepted.');

      const root = await registryDiff(slug, next.url);
      expect(root.code).toBe(2);
      expect(root.stderr).toContain(
        `serves its registration at ${next.url}/.well-known/registry-registration`,
      );
    } finally {
      await next.close();
    }
    expect(await revisions()).toBe(1);
  });

  it('[CLI][DIFF]: a body the registry would refuse as invalid: the field named, exit 2', async () => {
    const file = join(folder, 'invalid.json');
    const body = registrationPayload(refunds('released'));
    writeFileSync(file, JSON.stringify({ actions: [{ ...body.actions[0], endpoint: 42 }] }));
    const diff = await registryDiff(slug, file);
    expect(diff.code).toBe(2);
    expect(diff.stderr).toContain('actions[0].endpoint');
  });
});

describe('pnpm registry validate-plugin, for a plugin already registered', () => {
  it('[CLI][VALIDATE]: adds what the registration its server publishes would change and break', async () => {
    const same = await registryCli('validate-plugin', slug);
    expect(same.stdout).toContain('All 2 actions passed.');
    expect(same.stdout).toContain(
      `What the plugin serves at ${released.url}/.well-known/registry-registration would register:`,
    );
    expect(same.stdout).toContain('  No changes.\n✓ Registering it would be accepted.');
    expect(same.code).toBe(0);

    // The plugin's server restarted on new code, at a new address, without registering.
    const next = await listen(refunds('breaking'), {
      signingSecrets: [created.signing_secret],
      requestLog: false,
    });
    try {
      await api('PATCH', `/api/plugins/${slug}`, { api_endpoint: next.url });
      const changed = await registryCli('validate-plugin', slug);
      expect(changed.stdout).toContain(
        '  refund (2 events from 1 flow in the last 30 days)\n    - input_schema.properties.amount: required field added',
      );
      expect(changed.stdout).toContain('✗ Registering it would be refused (409)');
      expect(changed.code).toBe(1);
    } finally {
      await api('PATCH', `/api/plugins/${slug}`, { api_endpoint: released.url });
      await next.close();
    }
    expect(await revisions()).toBe(1);
  });
});

describe('the plugin SDK before it registers', () => {
  const options = () => ({ url: registry.url, apiKey: created.api_key });

  it('[SDK][PREVIEW]: previewRegistration says what registering would break, with the plugin key, registering nothing', async () => {
    const preview = await previewRegistration(refunds('breaking'), options());
    expect(preview).toMatchObject({
      would_accept: false,
      refused_for: ['refund'],
      affected: [
        { action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 },
        { action_type: 'ping', events_last_30_days: 0, flows_last_30_days: 0 },
      ],
    });
    const allowed = await previewRegistration(refunds('breaking'), {
      ...options(),
      allowBreaking: true,
    });
    expect(allowed.would_accept).toBe(true);
    expect(await revisions()).toBe(1);
  });

  it('[SDK][BREAKING]: a refused registration throws an error listing what breaks; allowBreaking registers it', async () => {
    const refused = await listen(refunds('breaking'), {
      registry: options(),
      requestLog: false,
    }).then(
      () => expect.fail('expected the registration to be refused'),
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(RegistryRequestError);
    const error = refused as RegistryRequestError;
    expect(error.status).toBe(409);
    expect(error.affected).toEqual([
      { action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 },
    ]);
    expect(error.breakingChanges.map((change) => change.change)).toEqual([
      'required_field_added',
      'action_removed',
    ]);
    expect(error.message).toContain(
      '  refund (2 events from 1 flow in the last 30 days)\n    - input_schema.properties.amount: required field added',
    );
    expect(await revisions()).toBe(1);

    const forced = await listen(refunds('breaking'), {
      registry: { ...options(), allowBreaking: true },
      requestLog: false,
    });
    await forced.close();
    expect(forced.connection?.registration).toMatchObject({ revision: 2 });
    const history = await api<RegistrationHistory>('GET', `/api/plugins/${slug}/registrations`);
    expect(history.registrations[0]).toMatchObject({ revision: 2, breaking: true });
  });
});
