import { toValidationIssues } from '@registry/contracts';
import { AppError } from '@registry/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import type { RequestContext } from '../request-context';
import { toTrpcCode } from './trpc-error-codes';

export type ApiContext = RequestContext;

/** The context without a request, for tests and server-side callers (`createCaller`). */
export function createContextInner(context: RequestContext): ApiContext {
  return context;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause instanceof AppError ? error.cause : undefined;
    // A server fault's own message may describe internals; the log has it, the caller doesn't.
    const message =
      error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message;
    return {
      ...shape,
      message,
      data: { ...shape.data, stack: undefined, appCode: cause?.code, issues: cause?.issues },
    };
  },
});

/** Domain errors become tRPC errors with the matching code; the message stays the domain's. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = asAppError(result.error);
  if (!cause) return result;
  throw new TRPCError({ code: toTrpcCode(cause.code), message: cause.message, cause });
});

/**
 * tRPC's own input validation failure (BAD_REQUEST from a zod error) becomes the same
 * field-named VALIDATION_ERROR the REST adapter answers. An output validation failure is a
 * server fault (INTERNAL_SERVER_ERROR) and stays one.
 */
function asAppError(error: TRPCError): AppError | undefined {
  if (error.cause instanceof AppError) return error.cause;
  if (error.code === 'BAD_REQUEST' && error.cause instanceof z.ZodError) {
    return AppError.validation(toValidationIssues(error.cause));
  }
  return undefined;
}

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors);
export const createCallerFactory = t.createCallerFactory;
