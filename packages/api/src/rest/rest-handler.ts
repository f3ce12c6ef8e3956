import type { RestErrorBody } from '@registry/contracts';
import {
  type Access,
  AppError,
  authorize,
  type Principal,
  type RegistryDeps,
} from '@registry/core';
import { resolveRequestContext } from '../request-context';
import { jsonResponse } from './json-response';

export type RouteParams = Record<string, string>;

export type RestHandler = (request: Request, params: RouteParams) => Promise<Response>;

/** What an authorized REST action gets: who calls, and the tenant they act for. */
export interface AuthorizedContext {
  principal: Principal;
  tenantId: string;
}

type RestAction = (
  request: Request,
  context: AuthorizedContext,
  params: RouteParams,
) => Promise<Response>;

/**
 * Wraps a REST action: every route declares who may call it (`access`); this resolves the
 * caller, enforces it (401/403), and turns every error into the REST error body (a 4xx naming
 * the field for the caller's mistakes, a bare 500 for ours).
 */
export function restHandler(deps: RegistryDeps, access: Access, action: RestAction): RestHandler {
  return async (request, params) => {
    try {
      const context = await resolveRequestContext(deps, request);
      const principal = authorize(context.principal, access, {
        slug: params.slug,
        problem: context.problem,
      });
      return await action(request, { principal, tenantId: principal.tenantId }, params);
    } catch (error) {
      return errorResponse(deps, error, request);
    }
  };
}

/**
 * A route anyone may call (signing in and out): declared as such, with the same error handling.
 * It gets the caller's principal, if any, to decide for itself.
 */
export function publicRestHandler(
  deps: RegistryDeps,
  action: (request: Request, principal: Principal | null) => Promise<Response>,
): RestHandler {
  return async (request) => {
    try {
      const context = await resolveRequestContext(deps, request);
      return await action(request, context.principal);
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
