import type { RestErrorBody } from '@registry/contracts';
import { createRegistryDeps, type RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import {
  actionDefinition,
  createTestDatabase,
  insertPlugin,
  type TestDatabase,
  testEnv,
} from '@registry/testing';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRestClient, type RestAnswer } from '../test-support/rest-client';
import { callerFor } from '../test-support/trpc-caller';
import { type BadInput, namesField } from './bad-inputs';
import {
  badDiscoveryQueries,
  badDispatches,
  badRegistrations,
  VALID_DISPATCH,
  VALID_REGISTRATION,
} from './input-rules';

/**
 * `FUZZ_SEED=<seed>` replays a failure fast-check reported; otherwise a fresh seed per run.
 * Most cases go through tRPC callers: each REST call also authenticates its admin token against
 * the database, which makes REST cases several times slower.
 */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const SLUG = 'fuzz-target';
const counts: Record<string, number> = {};

// A database of its own, so "unchanged" can be checked on every table.
let database: TestDatabase;
let deps: RegistryDeps;
let send: ReturnType<typeof createRestClient>;
let before: string;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = createRegistryDeps(testEnv({ DATABASE_URL: database.url }));
  send = createRestClient(deps);
  await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
    slug: SLUG,
    actions: [actionDefinition('kept')],
  });
  before = await databaseFingerprint();
  console.log(`[fuzz] seed ${seed} (replay with FUZZ_SEED=${seed})`);
});
afterAll(async () => {
  await deps?.pluginHttp.close();
  await deps?.db.$disconnect();
  await database?.close();
});

/** Row counts of every table and a hash of every plugin's registration. */
async function databaseFingerprint(): Promise<string> {
  const { rows } = await deps.sql.query(`
    SELECT (SELECT count(*) FROM plugins) AS plugins,
           (SELECT md5(coalesce(string_agg(registered_actions::text, '|' ORDER BY id), '')) FROM plugins) AS registrations,
           (SELECT count(*) FROM plugin_secrets) AS secrets,
           (SELECT count(*) FROM action_executions) AS executions,
           (SELECT count(*) FROM tasks) AS tasks`);
  return JSON.stringify(rows[0]);
}

const run = async <T extends unknown[]>(
  name: string,
  numRuns: number,
  property: fc.IAsyncPropertyWithHooks<T>,
) => {
  await fc.assert(property, { numRuns, seed, endOnFailure: true });
  counts[name] = numRuns;
};

/** A 4xx (never a 5xx, never a success) whose body names `field`. */
function expectRestRejection(answer: RestAnswer, field: string) {
  expect(answer.status, answer.text).toBeGreaterThanOrEqual(400);
  expect(answer.status, answer.text).toBeLessThan(500);
  const body = answer.body as RestErrorBody;
  if (body.code === 'VALIDATION_ERROR') {
    expect(
      body.issues?.some((issue) => namesField(issue.field, field)),
      answer.text,
    ).toBe(true);
    for (const issue of body.issues ?? []) expect(body.error).toContain(`${issue.field}: `);
  } else {
    expect(body.error, answer.text).toMatch(/body|Content-Type/);
  }
}

async function expectTrpcRejection(call: Promise<unknown>, field: string) {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `accepted input that names ${field}`).toBeInstanceOf(TRPCError);
  const { code, cause, message } = error as TRPCError & { cause: { issues?: { field: string }[] } };
  expect(code, message).toBe('BAD_REQUEST');
  expect(
    cause.issues?.some((issue) => namesField(issue.field, field)),
    message,
  ).toBe(true);
}

const malformedJson = fc.oneof(
  fc.constantFrom(
    '{',
    '{"actions": [}',
    'nul',
    "{'a': 1}",
    '[1,]',
    '{"a":1}}',
    '\u0000',
    '"',
    '{"a":01}',
  ),
  fc.string({ maxLength: 50 }).filter((text) => {
    try {
      JSON.parse(text);
      return false;
    } catch {
      return true;
    }
  }),
);
const wrongContentType = fc.constantFrom(
  'application/xml',
  'text/html',
  'multipart/form-data; boundary=x',
  'application/x-www-form-urlencoded',
  'image/png',
);

describe('fuzzing: bad input never reaches the database and never earns a 5xx', () => {
  it('[FUZZ][REST]: registration, dispatch and discovery refuse bad input naming the field', async () => {
    await run(
      'REST register-actions',
      800,
      fc.asyncProperty(badRegistrations, async ({ value, field }: BadInput) => {
        expectRestRejection(
          await send('POST', `/api/plugins/${SLUG}/register-actions`, { json: value }),
          field,
        );
      }),
    );
    await run(
      'REST automation',
      800,
      fc.asyncProperty(badDispatches, async ({ value, field }: BadInput) => {
        expectRestRejection(
          await send('POST', '/api/plugins/events/automation', { json: value }),
          field,
        );
      }),
    );
    const paths = fc.constantFrom(
      `/api/plugins/${SLUG}/register-actions`,
      '/api/plugins/events/automation',
    );
    await run(
      'REST malformed JSON',
      200,
      fc.asyncProperty(paths, malformedJson, async (path, text) => {
        const headers = { 'content-type': 'application/json' };
        expectRestRejection(await send('POST', path, { body: text, headers }), 'body');
      }),
    );
    await run(
      'REST wrong content type',
      200,
      fc.asyncProperty(paths, wrongContentType, async (path, type) => {
        const body = JSON.stringify(
          path.endsWith('automation') ? VALID_DISPATCH : VALID_REGISTRATION,
        );
        expectRestRejection(
          await send('POST', path, { body, headers: { 'content-type': type } }),
          'body',
        );
      }),
    );
    await run(
      'REST discovery',
      500,
      fc.asyncProperty(badDiscoveryQueries, async ({ field, value }) => {
        const query = new URLSearchParams({ [field]: value });
        expectRestRejection(await send('GET', `/api/plugins/actions?${query}`), field);
      }),
    );
    expect(await databaseFingerprint()).toBe(before);
  }, 120_000);

  it('[FUZZ][TRPC]: the same through tRPC callers', async () => {
    const caller = callerFor(deps, DEFAULT_TENANT_ID);
    await run(
      'tRPC actions.register',
      3000,
      fc.asyncProperty(badRegistrations, async ({ value, field }: BadInput) => {
        await expectTrpcRejection(
          caller.actions.register({ slug: SLUG, ...(value as object) } as never),
          field,
        );
      }),
    );
    await run(
      'tRPC automation.dispatch',
      3000,
      fc.asyncProperty(badDispatches, async ({ value, field }: BadInput) => {
        await expectTrpcRejection(caller.automation.dispatch(value as never), field);
      }),
    );
    await run(
      'tRPC actions.discover',
      1500,
      fc.asyncProperty(badDiscoveryQueries, async ({ field, value }) => {
        await expectTrpcRejection(caller.actions.discover({ [field]: value } as never), field);
      }),
    );
    expect(await databaseFingerprint()).toBe(before);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(
      `[fuzz] ${total} bad inputs, 0 answers ≥ 500, every 4xx named its field, database unchanged: ${Object.entries(
        counts,
      )
        .map(([name, n]) => `${name} ${n}`)
        .join(', ')}`,
    );
  }, 60_000);
});
