import { randomUUID } from 'node:crypto';
import type { Access, RegistryDeps } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { actionDefinition, type DatabaseRows, readTenantRows } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthFixtures,
  CREDENTIAL_KINDS,
  type CredentialKind,
  createAuthFixtures,
  credentialFor,
  freshTargets,
  isOtherTenant,
} from '../../test/support/auth-fixtures';
import { handleMcpRequest } from '../mcp';
import { createRestRouter, REST_OPERATIONS } from '../rest';
import { appRouter } from '../trpc/app-router';
import { handleTrpcRequest } from '../trpc/handle-trpc-request';

const deps: RegistryDeps = testRegistryDeps();
let fixtures: AuthFixtures;
beforeAll(async () => {
  fixtures = await createAuthFixtures(deps);
});

type Targets = Awaited<ReturnType<typeof freshTargets>>;
/** `not-found`: another tenant addressing tenant A's thing gets 404; `own-tenant`: it acts in its own. */
type CrossTenant = 'not-found' | 'own-tenant';
interface Operation {
  name: string;
  access: Access;
  cross: CrossTenant;
  ok: number;
  /** Tenant A's columns another tenant's answer shows by design (process-wide figures). */
  sharedColumns?: string[];
  /** Performs the operation; `sent` is everything the caller sent (path, query, body). */
  call(
    credential: string | undefined,
    targets: Targets,
  ): Promise<{ status: number; text: string; sent: string }>;
}

/** A valid input for every tRPC procedure, acting on tenant A's things. */
const TRPC_INPUTS: Record<string, { cross: CrossTenant; input: (t: Targets) => unknown }> = {
  'plugins.list': { cross: 'own-tenant', input: () => ({}) },
  'plugins.get': { cross: 'not-found', input: () => ({ slug: 'own-plugin' }) },
  'plugins.registrations': { cross: 'not-found', input: () => ({ slug: 'own-plugin' }) },
  'plugins.registrationDiff': {
    cross: 'not-found',
    input: () => ({ slug: 'own-plugin', from: 0, to: 0 }),
  },
  'plugins.create': {
    cross: 'own-tenant',
    input: () => ({ name: 'New', slug: `new-${randomUUID().slice(0, 8)}` }),
  },
  'plugins.update': { cross: 'not-found', input: (t) => ({ slug: t.slug, name: 'Renamed' }) },
  'plugins.setStatus': { cross: 'not-found', input: (t) => ({ slug: t.slug, status: 'inactive' }) },
  'plugins.delete': { cross: 'not-found', input: (t) => ({ slug: t.slug }) },
  'plugins.rotateKey': { cross: 'not-found', input: (t) => ({ slug: t.slug }) },
  'plugins.rotateSecret': { cross: 'not-found', input: (t) => ({ slug: t.slug }) },
  'plugins.validate': { cross: 'not-found', input: () => ({ slug: 'own-plugin' }) },
  'plugins.verify': { cross: 'not-found', input: () => ({ slug: 'own-plugin' }) },
  'plugins.testConnectivity': { cross: 'not-found', input: (t) => ({ slug: t.slug }) },
  'plugins.previewRegistration': {
    cross: 'not-found',
    input: () => ({ slug: 'own-plugin', actions: [actionDefinition('own_action')] }),
  },
  'actions.register': {
    cross: 'not-found',
    input: () => ({ slug: 'own-plugin', actions: [actionDefinition('own_action')] }),
  },
  'actions.discover': { cross: 'own-tenant', input: () => ({}) },
  'actions.get': {
    cross: 'not-found',
    input: () => ({ action_type: 'own_action', plugin_id: fixtures.ownPlugin.id }),
  },
  'actions.facets': { cross: 'own-tenant', input: () => ({}) },
  'actions.setDefaultProvider': {
    cross: 'not-found',
    input: () => ({ action_type: 'own_action', plugin_id: fixtures.ownPlugin.id }),
  },
  'automation.dispatch': {
    cross: 'own-tenant',
    input: () => ({
      events: [{ action_type: 'own_action', plugin_id: fixtures.ownPlugin.id, payload: {} }],
    }),
  },
  'automation.health': { cross: 'own-tenant', input: () => undefined },
  'executions.list': { cross: 'own-tenant', input: () => ({}) },
  'executions.get': { cross: 'not-found', input: (t) => ({ id: t.executionId }) },
  'executions.redeliver': { cross: 'not-found', input: (t) => ({ id: t.deadExecutionId }) },
  'plugins.recover': {
    cross: 'not-found',
    input: (t) => ({ slug: t.slug, since: '2020-01-01T00:00:00Z' }),
  },
  'automation.enqueue': {
    cross: 'own-tenant',
    input: () => ({
      events: [{ action_type: 'own_action', plugin_id: fixtures.ownPlugin.id, payload: {} }],
    }),
  },
  'executions.stats': { cross: 'own-tenant', input: () => ({}) },
  'tokens.list': { cross: 'own-tenant', input: () => undefined },
  'tokens.create': { cross: 'own-tenant', input: () => ({ name: 'matrix' }) },
  'tokens.revoke': { cross: 'not-found', input: (t) => ({ id: t.tokenId }) },
};

type ProcedureDef = { _def: { type: 'query' | 'mutation'; meta?: { access?: Access } } };
const procedures = appRouter._def.procedures as unknown as Record<string, ProcedureDef>;

const trpcOperations: Operation[] = Object.entries(procedures).map(([path, procedure]) => ({
  name: `tRPC ${path}`,
  access: procedure._def.meta?.access as Access,
  cross: TRPC_INPUTS[path]?.cross ?? 'own-tenant',
  ok: 200,
  async call(credential, targets) {
    const input = TRPC_INPUTS[path]?.input(targets);
    const headers: Record<string, string> = credential ? { authorization: credential } : {};
    const query = procedure._def.type === 'query';
    const search =
      query && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    const response = await handleTrpcRequest(
      deps,
      new Request(`http://localhost/api/trpc/${path}${search}`, {
        method: query ? 'GET' : 'POST',
        headers: query ? headers : { ...headers, 'content-type': 'application/json' },
        body: query ? undefined : JSON.stringify(input ?? {}),
      }),
    );
    return {
      status: response.status,
      text: await response.text(),
      sent: `${path} ${JSON.stringify(input)}`,
    };
  },
}));

/** A matrix input for every REST operation but the public ones, acting on tenant A's things. */
const REST_INPUTS: Record<
  string,
  {
    cross: CrossTenant;
    path: (t: Targets) => string;
    body?: (t: Targets) => unknown;
    ok?: number;
    sharedColumns?: string[];
  }
> = {
  'GET /api/plugins': { cross: 'own-tenant', path: () => '/api/plugins' },
  'POST /api/plugins': {
    cross: 'own-tenant',
    path: () => '/api/plugins',
    body: () => ({ name: 'N', slug: `n-${randomUUID().slice(0, 8)}` }),
    ok: 201,
  },
  'PUT /api/plugins': {
    cross: 'not-found',
    path: () => '/api/plugins',
    body: (t) => ({ slug: t.slug, name: 'R' }),
  },
  'PATCH /api/plugins': {
    cross: 'not-found',
    path: () => '/api/plugins',
    body: (t) => ({ slug: t.slug, status: 'inactive' }),
  },
  'GET /api/plugins/{slug}': { cross: 'not-found', path: () => '/api/plugins/own-plugin' },
  'GET /api/plugins/{slug}/registrations': {
    cross: 'not-found',
    path: () => '/api/plugins/own-plugin/registrations',
  },
  'PUT /api/plugins/{slug}': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}`,
    body: () => ({ name: 'R' }),
  },
  'PATCH /api/plugins/{slug}': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}`,
    body: () => ({ name: 'R' }),
  },
  'DELETE /api/plugins/{slug}': { cross: 'not-found', path: (t) => `/api/plugins/${t.slug}` },
  'POST /api/plugins/{slug}/register-actions': {
    cross: 'not-found',
    path: () => '/api/plugins/own-plugin/register-actions',
    body: () => ({ actions: [actionDefinition('own_action')] }),
  },
  'POST /api/plugins/{slug}/registrations/preview': {
    cross: 'not-found',
    path: () => '/api/plugins/own-plugin/registrations/preview',
    body: () => ({ actions: [actionDefinition('own_action')] }),
  },
  'GET /api/plugins/{slug}/test': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}/test`,
  },
  'POST /api/plugins/{slug}/test': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}/test`,
  },
  'POST /api/plugins/{slug}/rotate-key': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}/rotate-key`,
  },
  'POST /api/plugins/{slug}/rotate-secret': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}/rotate-secret`,
  },
  'POST /api/plugins/{slug}/verify': {
    cross: 'not-found',
    path: () => '/api/plugins/own-plugin/verify',
  },
  'PUT /api/actions/{action_type}/default-provider': {
    cross: 'not-found',
    path: () => '/api/actions/own_action/default-provider',
    body: () => ({ plugin_id: fixtures.ownPlugin.id }),
  },
  // Process-wide figures (README, Metrics): another tenant's administrator reads every
  // tenant's plugin slugs in the series' labels, and no other identifier.
  'GET /api/metrics': { cross: 'own-tenant', path: () => '/api/metrics', sharedColumns: ['slug'] },
  'GET /api/plugins/actions': { cross: 'own-tenant', path: () => '/api/plugins/actions' },
  'GET /api/plugins/events/automation': {
    cross: 'own-tenant',
    path: () => '/api/plugins/events/automation',
  },
  'POST /api/plugins/events/automation': {
    cross: 'own-tenant',
    path: () => '/api/plugins/events/automation',
    body: () => ({
      events: [{ action_type: 'own_action', plugin_id: fixtures.ownPlugin.id, payload: {} }],
    }),
  },
  'POST /api/plugins/{slug}/recover': {
    cross: 'not-found',
    path: (t) => `/api/plugins/${t.slug}/recover`,
    body: () => ({ since: '2020-01-01T00:00:00Z' }),
  },
  'GET /api/executions': { cross: 'own-tenant', path: () => '/api/executions' },
  'GET /api/executions/{id}': {
    cross: 'not-found',
    path: (t) => `/api/executions/${t.executionId}`,
  },
  'POST /api/executions/{id}/redeliver': {
    cross: 'not-found',
    path: (t) => `/api/executions/${t.deadExecutionId}/redeliver`,
  },
};

const router = createRestRouter(deps);
const restOperations: Operation[] = REST_OPERATIONS.filter(
  (operation) =>
    operation.access !== 'public' && REST_INPUTS[`${operation.method} ${operation.path}`],
).map((operation) => {
  const key = `${operation.method} ${operation.path}`;
  const { cross, path, body, ok, sharedColumns } = REST_INPUTS[key] as NonNullable<
    (typeof REST_INPUTS)[string]
  >;
  return {
    name: `REST ${key}`,
    access: operation.access as Access,
    cross,
    ok: ok ?? 200,
    ...(sharedColumns ? { sharedColumns } : {}),
    async call(credential, targets) {
      const url = `http://localhost${path(targets)}`;
      const payload = body ? JSON.stringify(body(targets)) : undefined;
      const response = await router(
        new Request(url, {
          method: operation.method,
          headers: {
            ...(credential ? { authorization: credential } : {}),
            'content-type': 'application/json',
          },
          body: payload,
        }),
      );
      if (!response) throw new Error(`no REST route for ${key}`);
      return { status: response.status, text: await response.text(), sent: `${url} ${payload}` };
    },
  };
});

/**
 * `/api/mcp`'s methods that act on the registry: listing tools reads the catalog, calling one
 * dispatches an event. Another tenant's admin calling tenant A's tool finds no such tool.
 */
const MCP_METHODS: Record<string, { access: Access; params: Record<string, unknown> }> = {
  'tools/list': { access: 'catalog', params: {} },
  'tools/call': { access: 'admin', params: { name: 'own-plugin__own_action', arguments: {} } },
};

const mcpOperations: Operation[] = Object.entries(MCP_METHODS).map(
  ([method, { access, params }]) => ({
    name: `MCP ${method}`,
    access,
    cross: 'own-tenant',
    ok: 200,
    async call(credential) {
      const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method, params });
      const response = await handleMcpRequest(
        deps,
        new Request('http://localhost/api/mcp', {
          method: 'POST',
          headers: {
            ...(credential ? { authorization: credential } : {}),
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
          body,
        }),
      );
      return { status: response.status, text: await response.text(), sent: body };
    },
  }),
);

/** Operations anyone may call: sign-in decides for itself (session.test.ts), the document is open. */
const PUBLIC_REST = [
  'GET /api/session',
  'POST /api/session',
  'DELETE /api/session',
  'GET /api/openapi.json',
];

function expectedStatus(operation: Operation, kind: CredentialKind): number {
  if (kind === 'none' || kind === 'malformed' || kind === 'revoked') return 401;
  const allowed =
    kind === 'ownAdmin' ||
    kind === 'otherTenantAdmin' ||
    operation.access === 'catalog' ||
    (operation.access === 'plugin-self' && kind === 'ownPluginKey');
  if (!allowed) return 403;
  return isOtherTenant(kind) && operation.cross === 'not-found' ? 404 : operation.ok;
}

/** Columns whose values single out one of tenant A's things, or are its secrets. */
const IDENTIFYING_COLUMNS = [
  'id',
  'tenant_id',
  'plugin_id',
  'slug',
  'prefix',
  'token_hash',
  'api_key',
  'secret',
  'previous_secret',
];

/** Every identifier and secret tenant A holds, but for the columns an operation shares. */
function identifiersOf(rows: DatabaseRows, shared: string[] = []): string[] {
  const columns = IDENTIFYING_COLUMNS.filter((column) => !shared.includes(column));
  const values = Object.values(rows).flatMap((table) =>
    (table as Record<string, unknown>[]).flatMap((row) => columns.map((column) => row[column])),
  );
  return [...new Set([...values, ...fixtures.secrets])].filter(
    (value): value is string => typeof value === 'string',
  );
}

/**
 * How a call as tenant B touched tenant A: the identifiers of A's in its answer that it did not
 * send in this call, and the tables in which A's rows changed.
 */
async function crossTenantAccess(
  operation: Operation,
  before: DatabaseRows,
  { text, sent }: { text: string; sent: string },
) {
  const after = await readTenantRows(deps.sql, fixtures.tenantA);
  const read = identifiersOf(before, operation.sharedColumns).filter(
    (id) => text.includes(id) && !sent.includes(id),
  );
  const changed = Object.keys({ ...before, ...after }).filter(
    (table) => JSON.stringify(before[table]) !== JSON.stringify(after[table]),
  );
  return { read, changed };
}

describe('the auth matrix: every operation × every kind of credential', () => {
  it('[AUTH][DECLARED]: every tRPC procedure declares who may call it and has a matrix input', () => {
    for (const [path, procedure] of Object.entries(procedures)) {
      expect(procedure._def.meta?.access, path).toMatch(/^(admin|catalog|plugin-self)$/);
      expect(TRPC_INPUTS[path], `${path} needs an input in TRPC_INPUTS`).toBeDefined();
    }
  });

  it('[AUTH][DECLARED]: every REST operation has a matrix input, or is public and listed as such', () => {
    for (const operation of REST_OPERATIONS) {
      const key = `${operation.method} ${operation.path}`;
      if (operation.access === 'public') expect(PUBLIC_REST, key).toContain(key);
      else expect(Object.keys(REST_INPUTS), key).toContain(key);
    }
    expect(restOperations).toHaveLength(REST_OPERATIONS.length - PUBLIC_REST.length);
  });

  it('[AUTH][PUBLIC]: the OpenAPI document answers any caller, whatever credential it sends', async () => {
    for (const kind of CREDENTIAL_KINDS) {
      const credential = await credentialFor(deps, fixtures, kind);
      const response = await router(
        new Request('http://localhost/api/openapi.json', {
          headers: credential ? { authorization: credential } : {},
        }),
      );
      expect(response?.status).toBe(200);
    }
  });

  // One test per operation, so each stays well inside the timeout on a loaded machine; the
  // totals are printed once all of them have run.
  const totals = { cases: 0, mismatches: 0, leaks: 0 };
  afterAll(() => {
    console.log(
      `[AUTH] ${totals.cases} cases (${trpcOperations.length} tRPC procedures, ${restOperations.length} REST routes and ${mcpOperations.length} MCP methods × ${CREDENTIAL_KINDS.length} credentials); ${totals.mismatches} mismatches; ${totals.leaks} cross-tenant reads or writes`,
    );
  });

  it.each(
    [...trpcOperations, ...restOperations, ...mcpOperations].map((operation) => [
      operation.name,
      operation,
    ]),
  )(
    '[AUTH][MATRIX]: %s answers each credential as expected, with 0 cross-tenant reads or writes',
    async (_name, operation) => {
      const mismatches: string[] = [];
      let leaks = 0;
      for (const kind of CREDENTIAL_KINDS) {
        const targets = await freshTargets(deps, fixtures);
        const credential = await credentialFor(deps, fixtures, kind);
        const before = isOtherTenant(kind) ? await readTenantRows(deps.sql, fixtures.tenantA) : {};
        const answer = await operation.call(credential, targets);
        const { status, text } = answer;
        totals.cases++;
        const expected = expectedStatus(operation, kind);
        if (status !== expected)
          mismatches.push(`as ${kind}: ${status}, expected ${expected}: ${text.slice(0, 160)}`);
        if (isOtherTenant(kind)) {
          const { read, changed } = await crossTenantAccess(operation, before, answer);
          if (read.length > 0 || changed.length > 0) {
            leaks++;
            mismatches.push(
              `as ${kind} it read tenant A's [${read.join(', ')}] and changed [${changed.join(', ')}]`,
            );
          }
        }
      }
      totals.mismatches += mismatches.length;
      totals.leaks += leaks;
      expect(mismatches).toEqual([]);
      expect(leaks).toBe(0);
    },
  );
});
