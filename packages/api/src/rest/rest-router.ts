import { toValidationIssues } from '@registry/contracts';
import { authorize, parseInput, type RegistryDeps } from '@registry/core';
import { resolveRequestContext } from '../request-context';
import { errorResponse } from './error-response';
import { jsonResponse } from './json-response';
import { readJsonBody } from './read-json-body';
import type { RestOperation } from './rest-operation';
import { REST_OPERATIONS } from './rest-operations';

/** Answers a request for a REST route, or undefined when no route has its path. */
export type RestRouter = (request: Request) => Promise<Response | undefined>;

export interface RestRouterOptions {
  /**
   * Check every JSON answer against the schema its operation declares for the status (a
   * mismatch is a 500 and a log line): on everywhere but production, where it would cost every
   * answer a parse. tRPC checks its outputs the same way, always.
   */
  checkAnswers?: boolean;
}

/**
 * Routes Fetch API requests to the declared operations: the path's `{name}` segments become
 * URL-decoded params, and where a static and a dynamic path both match (`/api/plugins/actions`,
 * `/api/plugins/{slug}`) the more static one wins. A known path with another method answers 405
 * naming the allowed ones. Each call is authorized before its body is read.
 */
export function createRestRouter(deps: RegistryDeps, options: RestRouterOptions = {}): RestRouter {
  const checkAnswers = options.checkAnswers ?? process.env.NODE_ENV !== 'production';
  const paths = groupByPath(REST_OPERATIONS);
  return async (request) => {
    const parts = new URL(request.url).pathname.replace(/\/+$/, '').split('/');
    for (const { segments, byMethod } of paths) {
      const params = matchSegments(segments, parts);
      if (!params) continue;
      const operation = byMethod.get(request.method);
      if (!operation) return methodNotAllowed([...byMethod.keys()]);
      return run(deps, operation, request, params, checkAnswers);
    }
    return undefined;
  };
}

async function run(
  deps: RegistryDeps,
  operation: RestOperation,
  request: Request,
  rawParams: Record<string, string>,
  checkAnswers: boolean,
): Promise<Response> {
  try {
    const context = await resolveRequestContext(deps, request);
    const principal =
      operation.access === 'public'
        ? context.principal
        : authorize(context.principal, operation.access, {
            slug: rawParams.slug,
            problem: context.problem,
          });
    const params = operation.params ? parseInput(operation.params, rawParams) : rawParams;
    const query = operation.query
      ? parseInput(operation.query, Object.fromEntries(new URL(request.url).searchParams))
      : undefined;
    const body = operation.body
      ? parseInput(operation.body, await readJsonBody(request))
      : undefined;
    const answer = await operation.handle({
      deps,
      request,
      principal,
      tenantId: principal?.tenantId ?? '',
      params,
      query,
      body,
    });
    if (answer instanceof Response) return answer;
    const status = answer.status ?? 200;
    if (checkAnswers) checkAnswer(operation, status, answer.body);
    const response = jsonResponse(answer.body, status);
    for (const [name, value] of Object.entries(answer.headers ?? {}))
      response.headers.set(name, value);
    return response;
  } catch (error) {
    return errorResponse(deps, error, request);
  }
}

/** An answer its operation does not declare is our bug: refuse to send it. */
function checkAnswer(operation: RestOperation, status: number, body: unknown): void {
  const declared = operation.responses[status];
  const parsed = declared?.schema?.safeParse(body);
  if (declared?.schema && parsed?.success) return;
  const why = !declared?.schema
    ? `no JSON answer ${status} is declared`
    : toValidationIssues(parsed?.error as never)
        .map((issue) => `${issue.field}: ${issue.message}`)
        .join('; ');
  throw new Error(
    `${operation.method} ${operation.path} answered ${status} off its contract: ${why}`,
  );
}

function methodNotAllowed(methods: string[]): Response {
  const allow = methods.join(', ');
  const response = jsonResponse({ success: false, error: `Method not allowed; use ${allow}` }, 405);
  response.headers.set('allow', allow);
  return response;
}

function groupByPath(operations: readonly RestOperation[]) {
  const byPath = new Map<string, Map<string, RestOperation>>();
  for (const operation of operations) {
    const methods = byPath.get(operation.path) ?? new Map<string, RestOperation>();
    methods.set(operation.method, operation);
    byPath.set(operation.path, methods);
  }
  return [...byPath]
    .map(([path, byMethod]) => ({ segments: path.split('/'), byMethod }))
    .sort(
      (a, b) =>
        b.segments.filter((s) => !s.startsWith('{')).length -
        a.segments.filter((s) => !s.startsWith('{')).length,
    );
}

function matchSegments(segments: string[], parts: string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, segment] of segments.entries()) {
    const part = decodePathPart(parts[i] as string);
    if (part === undefined) return undefined;
    if (!segment.startsWith('{')) {
      if (segment !== part) return undefined;
    } else {
      if (part === '') return undefined;
      params[segment.slice(1, -1)] = part;
    }
  }
  return params;
}

function decodePathPart(part: string): string | undefined {
  try {
    return decodeURIComponent(part);
  } catch {
    return undefined;
  }
}
