import { type RestErrorBody, ZRestErrorBodySchema } from '@registry/contracts';
import { createAdminToken, type RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { expect } from 'vitest';
import { createRestRoutes } from '../rest';
import type { RestHandler } from '../rest/rest-handler';

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

type Routes = Record<string, Partial<Record<string, RestHandler>>>;

/**
 * Calls the REST handlers as the web host does: a real `Request` for a URL, the handler picked
 * by path pattern (static segments before `[slug]`, as in Next.js), `[params]` URL-decoded.
 */
export function createRestClient(deps: RegistryDeps) {
  const routes: Routes = createRestRoutes(deps);
  let adminToken: Promise<string> | undefined;
  const authorization = async (call: RestCall): Promise<Record<string, string>> => {
    if (call.anonymous || call.headers?.authorization) return {};
    adminToken ??= createAdminToken(deps, DEFAULT_TENANT_ID, 'REST tests').then((t) => t.token);
    return { authorization: `Bearer ${await adminToken}` };
  };
  const patterns = Object.keys(routes).map((pattern) => ({
    pattern,
    regex: new RegExp(`^${pattern.replace(/\[(\w+)\]/g, '(?<$1>[^/]+)')}$`),
  }));

  return async function send(method: string, url: string, call: RestCall = {}) {
    const credentials = await authorization(call);
    const request = new Request(new URL(url, 'http://localhost'), {
      method,
      headers:
        call.json === undefined
          ? { ...call.headers, ...credentials }
          : { 'content-type': 'application/json', ...credentials },
      body: call.json === undefined ? call.body : JSON.stringify(call.json),
      ...(call.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    });
    const path = new URL(request.url).pathname;
    const match = patterns.find(({ regex }) => regex.test(path));
    const handler = match && routes[match.pattern]?.[method];
    if (!match || !handler) throw new Error(`No REST route for ${method} ${path}`);
    const params = Object.entries(match.regex.exec(path)?.groups ?? {}).map(
      ([name, value]) => [name, decodeURIComponent(value)] as const,
    );
    const response = await handler(request, Object.fromEntries(params));
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
