import type { ExecutionSource, OutputMismatch, OutputSchema } from '@registry/contracts';
import { MAX_TRPC_BATCH_CALLS } from '@registry/contracts/request-limits';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createRegistryClient, type RegistryClient } from './create-registry-client';
import { isRegistryClientError } from './registry-client-error';

/** A fetch that records each request and answers as the tRPC server does for one batched call. */
function recordingFetch(status: number, body: unknown) {
  const requests: Request[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return new Response(JSON.stringify([body]), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { requests, fetch: fetch as typeof globalThis.fetch };
}

describe('createRegistryClient', () => {
  it('[CLIENT][HTTP]: calls /api/trpc below the url with the bearer token', async () => {
    const { requests, fetch } = recordingFetch(200, { result: { data: { actions: [] } } });
    const client = createRegistryClient({
      url: 'http://registry.test/',
      token: 'par_admin_x',
      fetch,
    });

    const answer = await client.actions.discover.query({ category: 'email' });

    expect(answer).toEqual({ actions: [] });
    const [request] = requests;
    const url = new URL(request?.url ?? '');
    expect(url.pathname).toBe('/api/trpc/actions.discover');
    expect(JSON.parse(url.searchParams.get('input') ?? '')).toEqual({ 0: { category: 'email' } });
    expect(request?.headers.get('authorization')).toBe('Bearer par_admin_x');
  });

  it('[CLIENT][HTTP]: sends no Authorization header without a token', async () => {
    const { requests, fetch } = recordingFetch(200, { result: { data: { plugins: [] } } });
    await createRegistryClient({ url: 'http://registry.test', fetch }).plugins.list.query({});
    expect(requests[0]?.headers.has('authorization')).toBe(false);
  });

  it('[CLIENT][ERRORS]: a refusal throws a registry client error carrying the tRPC code', async () => {
    const { fetch } = recordingFetch(401, {
      error: {
        message: 'Unauthorized',
        code: -32001,
        data: { code: 'UNAUTHORIZED', httpStatus: 401 },
      },
    });
    const client = createRegistryClient({ url: 'http://registry.test', token: 'wrong', fetch });

    const error = await client.plugins.list.query({}).catch((caught: unknown) => caught);

    expect(isRegistryClientError(error) && error.data?.code).toBe('UNAUTHORIZED');
  });

  it('[CLIENT][HTTP]: calls made together never batch more than the server takes in one request', async () => {
    const requests: string[] = [];
    const fetch = (async (input: RequestInfo | URL) => {
      const paths = new URL(String(input)).pathname.replace('/api/trpc/', '').split(',');
      requests.push(paths.join(','));
      const answers = paths.map(() => ({ result: { data: { plugins: [] } } }));
      return new Response(JSON.stringify(answers), {
        headers: { 'content-type': 'application/json' },
      });
    }) as typeof globalThis.fetch;
    const client = createRegistryClient({ url: 'http://registry.test', fetch });

    const calls = MAX_TRPC_BATCH_CALLS + 5;
    await Promise.all(Array.from({ length: calls }, () => client.plugins.list.query({})));

    const sizes = requests.map((paths) => paths.split(',').length);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(calls);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_TRPC_BATCH_CALLS);
  });
});

describe('the typed client', () => {
  it('[CLIENT][TYPES]: discovered actions carry their output schema and hints; executions their source', () => {
    type Discovered = Awaited<
      ReturnType<RegistryClient['actions']['discover']['query']>
    >['actions'][number];
    type Listed = Awaited<
      ReturnType<RegistryClient['executions']['list']['query']>
    >['items'][number];
    expectTypeOf<NonNullable<Discovered['output_schema']>['type']>().toEqualTypeOf<
      OutputSchema['type']
    >();
    expectTypeOf<Discovered['read_only']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Listed['source']>().toEqualTypeOf<ExecutionSource>();
    expectTypeOf<Listed['output_mismatch']>().toEqualTypeOf<OutputMismatch | null>();
  });
});
