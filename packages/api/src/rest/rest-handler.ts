import type { RestErrorBody } from '@registry/contracts';
import { AppError, type RegistryDeps } from '@registry/core';
import { type RequestContext, resolveRequestContext } from '../request-context';
import { jsonResponse } from './json-response';

export type RouteParams = Record<string, string>;

export type RestHandler = (request: Request, params: RouteParams) => Promise<Response>;

type RestAction = (
  request: Request,
  context: RequestContext,
  params: RouteParams,
) => Promise<Response>;

/**
 * Wraps a REST action: resolves who is calling, and turns every error into the REST error body
 * (a 4xx naming the field for the caller's mistakes, a bare 500 for ours).
 */
export function restHandler(deps: RegistryDeps, action: RestAction): RestHandler {
  return async (request, params) => {
    try {
      return await action(request, resolveRequestContext(deps, request), params);
    } catch (error) {
      return errorResponse(deps, error, request);
    }
  };
}

function errorResponse(deps: RegistryDeps, error: unknown, request: Request): Response {
  if (error instanceof AppError && error.code !== 'INTERNAL_ERROR') {
    const body: RestErrorBody = {
      success: false,
      error: error.message,
      code: error.code,
      ...(error.issues ? { issues: error.issues } : {}),
    };
    return jsonResponse(body, error.httpStatus);
  }
  deps.logger.error(
    { err: error, method: request.method, url: request.url },
    'REST request failed',
  );
  const body: RestErrorBody = {
    success: false,
    error: 'Internal server error',
    code: 'INTERNAL_ERROR',
  };
  return jsonResponse(body, 500);
}
