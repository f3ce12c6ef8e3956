import type { RestErrorBody } from '@registry/contracts';
import { createRegistryDeps, type RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import {
  actionDefinition,
  createTestDatabase,
  type DatabaseRows,
  insertPlugin,
  readAllRows,
  type TestDatabase,
  testEnv,
} from '@registry/testing';
import { TRPCError } from '@trpc/server';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiServer, startApiServer } from '../../test/support/api-server';
import type { BadInput } from '../../test/support/bad-inputs';
import {
  badDiscoveryQueries,
  badDispatches,
  badRegistrations,
  VALID_DISPATCH,
  VALID_REGISTRATION,
} from '../../test/support/input-rules';
import { createRestClient, type RestAnswer } from '../../test/support/rest-client';
import { callerFor } from '../../test/support/trpc-caller';

/**
 * `FUZZ_SEED=<seed>` replays a failure fast-check reported; otherwise a fresh seed per run.
 * REST cases go over HTTP to a loopback server; most cases go through tRPC callers: each REST
 * call also authenticates its admin token against the database, which makes it several times
 * slower.
 */
const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const SLUG = 'fuzz-target';
const counts: Record<string, number> = {};

// A database of its own, so "unchanged" can be checked on every table.
let database: TestDatabase;
let deps: RegistryDeps;
let server: ApiServer;
let send: ReturnType<typeof createRestClient>;
let before: DatabaseRows;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = createRegistryDeps(testEnv({ DATABASE_URL: database.url }));
  server = await startApiServer(deps);
  send = createRestClient(deps, { baseUrl: server.url });
  await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
    slug: SLUG,
    actions: [actionDefinition('kept')],
  });
  // The client's admin token is created on its first call: before the snapshot, not in it.
  expect((await send('GET', '/api/plugins/actions')).status).toBe(200);
  before = await databaseRows();
  console.log(`[fuzz] seed ${seed} (replay with FUZZ_SEED=${seed})`);
});
afterAll(async () => {
  await server?.close();
  await deps?.pluginHttp.close();
  await deps?.db.$disconnect();
  await database?.close();
});

/**
 * Every row of every table. Authenticating records when a token was last used (at most once a
 * minute): the one write a refused request makes by design, left out.
 */
const databaseRows = () => readAllRows(deps.sql, ['api_tokens.last_used_at']);

const run = async <T extends unknown[]>(
  name: string,
  numRuns: number,
  property: fc.IAsyncPropertyWithHooks<T>,
) => {
  await fc.assert(property, { numRuns, seed, endOnFailure: true });
  counts[name] = numRuns;
};

/** What a refusal must say: issues naming exactly `field`, or a refusal of the whole body. */
type Refusal = { field: string } | { code: 'MALFORMED_JSON' | 'UNSUPPORTED_MEDIA_TYPE' };

/** A 4xx (never a 5xx, never a success) that names the offending field, and only that one. */
function expectRestRejection(answer: RestAnswer, refusal: Refusal) {
  const body = answer.body as RestErrorBody;
  if ('code' in refusal) {
    const malformed = refusal.code === 'MALFORMED_JSON';
    expect(answer.status, answer.text).toBe(malformed ? 400 : 415);
    expect(body.code, answer.text).toBe(refusal.code);
    expect(body.error, answer.text).toMatch(malformed ? /^Request body / : /^Content-Type /);
    return;
  }
  expect(answer.status, answer.text).toBe(400);
  expect(body.code, answer.text).toBe('VALIDATION_ERROR');
  expect(fieldsNamed(body.issues), answer.text).toEqual([refusal.field]);
  for (const issue of body.issues ?? []) expect(body.error).toContain(`${issue.field}: `);
}

async function expectTrpcRejection(call: Promise<unknown>, field: string) {
  const error = await call.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error, `accepted input that names ${field}`).toBeInstanceOf(TRPCError);
  const { code, cause, message } = error as TRPCError & { cause: { issues?: { field: string }[] } };
  expect(code, message).toBe('BAD_REQUEST');
  expect(fieldsNamed(cause.issues), message).toEqual([field]);
}

/** The distinct fields the issues name. */
const fieldsNamed = (issues: { field: string }[] = []) => [
  ...new Set(issues.map((issue) => issue.field)),
];

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
          { field },
        );
      }),
    );
    await run(
      'REST automation',
      800,
      fc.asyncProperty(badDispatches, async ({ value, field }: BadInput) => {
        expectRestRejection(await send('POST', '/api/plugins/events/automation', { json: value }), {
          field,
        });
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
        expectRestRejection(await send('POST', path, { body: text, headers }), {
          code: 'MALFORMED_JSON',
        });
      }),
    );
    await run(
      'REST wrong content type',
      200,
      fc.asyncProperty(paths, wrongContentType, async (path, type) => {
        const body = JSON.stringify(
          path.endsWith('automation') ? VALID_DISPATCH : VALID_REGISTRATION,
        );
        expectRestRejection(await send('POST', path, { body, headers: { 'content-type': type } }), {
          code: 'UNSUPPORTED_MEDIA_TYPE',
        });
      }),
    );
    await run(
      'REST discovery',
      500,
      fc.asyncProperty(badDiscoveryQueries, async ({ field, value }) => {
        const query = new URLSearchParams({ [field]: value });
        expectRestRejection(await send('GET', `/api/plugins/actions?${query}`), { field });
      }),
    );
    expect(await databaseRows()).toEqual(before);
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
    expect(await databaseRows()).toEqual(before);
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
