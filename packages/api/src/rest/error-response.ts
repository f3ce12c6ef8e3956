import type { RestErrorBody } from '@registry/contracts';
import { AppError, type RegistryDeps } from '@registry/core';
import { jsonResponse } from './json-response';

/**
 * The REST error body for a request that failed: a refused request answers its code's status,
 * anything else is logged and answers 500 without detail.
 */
export function errorResponse(deps: RegistryDeps, error: unknown, request: Request): Response {
  if (error instanceof AppError && error.code !== 'INTERNAL_ERROR') {
    const body: RestErrorBody = {
      success: false,
      error: error.message,
      code: error.code,
      ...(error.issues ? { issues: error.issues } : {}),
      ...error.details,
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
