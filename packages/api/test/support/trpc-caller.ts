import type { ApiErrorCode } from '@registry/contracts';
import { AppError, type Principal, type RegistryDeps } from '@registry/core';
import { type TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { createCaller } from '../../src/trpc/app-router';
import { createContextInner } from '../../src/trpc/init';

/** A server-side caller acting as `tenantId`'s administrator, as `createCaller` users make one. */
export const callerFor = (deps: RegistryDeps, tenantId: string) =>
  createCaller(createContextInner({ deps, principal: adminOf(tenantId) }));

/** A caller acting as `principal` (or nobody): for access tests. */
export const callerAs = (deps: RegistryDeps, principal: Principal | null) =>
  createCaller(createContextInner({ deps, principal }));

export const adminOf = (tenantId: string): Principal => ({ kind: 'admin', tenantId, via: 'token' });

/**
 * Asserts that a call fails with the tRPC code and the domain code a client would see, and
 * returns the error and its domain cause (code, message naming the field, issues).
 */
export async function expectTrpcError(
  call: Promise<unknown>,
  code: TRPC_ERROR_CODE_KEY,
  appCode: ApiErrorCode,
): Promise<{ error: TRPCError; cause: AppError }> {
  const error = await call.then(
    () => expect.fail(`expected the call to fail with ${code}`),
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpcError = error as TRPCError;
  expect(trpcError.code).toBe(code);
  expect(trpcError.cause).toBeInstanceOf(AppError);
  const cause = trpcError.cause as AppError;
  expect(cause.code).toBe(appCode);
  expect(trpcError.message).toBe(cause.message);
  return { error: trpcError, cause };
}
