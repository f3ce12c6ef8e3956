import type { ApiErrorCode } from '@registry/contracts';
import type { AppError } from '@registry/core';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';

/** Each domain error code's tRPC code; HTTP statuses follow from these as from HTTP_STATUS_BY_CODE. */
const TRPC_CODE_BY_APP_CODE: Record<ApiErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION_ERROR: 'BAD_REQUEST',
  MALFORMED_JSON: 'PARSE_ERROR',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_ERROR: 'INTERNAL_SERVER_ERROR',
};

export function toTrpcCode(code: ApiErrorCode): TRPC_ERROR_CODE_KEY {
  return TRPC_CODE_BY_APP_CODE[code];
}

/** A domain error as tRPC answers it: the matching code, the domain's message. */
export function toTrpcError(cause: AppError): TRPCError {
  return new TRPCError({ code: toTrpcCode(cause.code), message: cause.message, cause });
}
