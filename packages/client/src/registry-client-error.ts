import { TRPCClientError } from '@trpc/client';
import type { AppRouter } from './app-router';

/**
 * Whether a call failed with the registry's answer (rather than, say, a bug in the caller):
 * then `error.data.code` is the tRPC code, `error.data.appCode` the registry's own
 * (`VALIDATION_ERROR`, `NOT_FOUND`, ...) and `error.data.issues` names the fields.
 */
export function isRegistryClientError(error: unknown): error is TRPCClientError<AppRouter> {
  return error instanceof TRPCClientError;
}
