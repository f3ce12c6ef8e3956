import {
  type ApiErrorCode,
  type RestErrorBody,
  summarizeIssues,
  toValidationIssues,
  type ValidationIssue,
} from '@registry/contracts';
import type { z } from 'zod';

/** HTTP status of each request-level error code: the one mapping every adapter uses. */
export const HTTP_STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  VALIDATION_ERROR: 400,
  MALFORMED_JSON: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INTERNAL_ERROR: 500,
};

/** What a refusal says beyond its message, in the error body (REST) or data (tRPC). */
export type AppErrorDetails = Pick<RestErrorBody, 'breaking_changes' | 'affected'>;

/** A request the registry refuses, with a stable code and a message naming the field. */
export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: ValidationIssue[],
    readonly details?: AppErrorDetails,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return HTTP_STATUS_BY_CODE[this.code];
  }

  static validation(issues: ValidationIssue[], prefix = 'Invalid request'): AppError {
    return new AppError('VALIDATION_ERROR', `${prefix}: ${summarizeIssues(issues)}`, issues);
  }

  static notFound(message: string): AppError {
    return new AppError('NOT_FOUND', message);
  }

  static conflict(message: string): AppError {
    return new AppError('CONFLICT', message);
  }
}

/** Parses caller input with a contract schema, or throws a VALIDATION_ERROR naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw AppError.validation(toValidationIssues(parsed.error));
  return parsed.data;
}
