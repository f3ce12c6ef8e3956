import { type RestErrorBody, ZRestErrorBodySchema } from '@registry/contracts';
import { createAdminToken, type RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { expect } from 'vitest';
import { createRestRouter } from '../../src/rest';

export interface RestAnswer {
  status: number;
  /** The parsed JSON body. */
  body: unknown;
  text: string;
}

export interface RestCall {
  /** Send no credential (access tests); by default an admin token of the default tenant. */
  anonymous?: boolean;
  /** Sent as JSON with `content-type: application/json`. */
  json?: unknown;
  /** Sent as is, with exactly the given headers. */
  body?: BodyInit;
  headers?: Record<string, string>;
}

/**
 * Calls the REST routes as a client does: a real `Request` for a URL, answered by the handler
 * the web host would pick, in process; or, given `baseUrl` (an `startApiServer`), over HTTP.
 */
export function createRestClient(deps: RegistryDeps, { baseUrl }: { baseUrl?: string } = {}) {
  const route = createRestRouter(deps);
  let adminToken: Promise<string> | undefined;
  const authorization = async (call: RestCall): Promise<Record<string, string>> => {
    if (call.anonymous || call.headers?.authorization) return {};
    adminToken ??= createAdminToken(deps, DEFAULT_TENANT_ID, 'REST tests').then((t) => t.token);
    return { authorization: `Bearer ${await adminToken}` };
  };

  return async function send(method: string, url: string, call: RestCall = {}) {
    const credentials = await authorization(call);
    const request = new Request(new URL(url, baseUrl ?? 'http://localhost'), {
      method,
      headers:
        call.json === undefined
          ? { ...call.headers, ...credentials }
          : { 'content-type': 'application/json', ...credentials },
      body: call.json === undefined ? call.body : JSON.stringify(call.json),
      ...(call.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
    const response = baseUrl ? await fetch(request) : await route(request);
    // Over HTTP, no route is the server's bare 404, which the content type check below refuses.
    if (!response) throw new Error(`No REST route for ${method} ${new URL(request.url).pathname}`);
    const text = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: response.status, body: JSON.parse(text), text } satisfies RestAnswer;
  };
}

/** Asserts the REST error contract: the status, the code, the body's exact shape, no stack. */
export function expectRestError(answer: RestAnswer, status: number, code: string): RestErrorBody {
  expect(answer.status).toBe(status);
  const body = ZRestErrorBodySchema.strict().parse(answer.body);
  expect(body.code).toBe(code);
  expect(answer.text).not.toMatch(/"stack"|\sat .+:\d+:\d+|node_modules/);
  return body;
}
