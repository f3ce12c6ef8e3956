import {
  type ApiErrorCode,
  formatFieldPath,
  summarizeIssues,
  type ValidationIssue,
} from '@registry/contracts';
import { AppError } from '@registry/core';
import { initTRPC, TRPCError } from '@trpc/server';
import type { RequestContext } from '../request-context';
import { toTrpcCode } from './trpc-error-codes';

export type ApiContext = RequestContext;

/** The context without a request, for tests and server-side callers (`createCaller`). */
export function createContextInner(context: RequestContext): ApiContext {
  return context;
}

const t = initTRPC.context<ApiContext>().create({
  errorFormatter({ shape, error }) {
    const issues = issuesOf(error.cause);
    const appCode: ApiErrorCode | undefined =
      error.cause instanceof AppError ? error.cause.code : issues ? 'VALIDATION_ERROR' : undefined;
    // A server fault's own message may describe internals; the log has it, the caller doesn't.
    const message = issues
      ? `Invalid request: ${summarizeIssues(issues)}`
      : error.code === 'INTERNAL_SERVER_ERROR'
        ? 'Internal server error'
        : shape.message;
    return {
      ...shape,
      message,
      data: { ...shape.data, stack: undefined, appCode, issues },
    };
  },
});

function issuesOf(cause: unknown): ValidationIssue[] | undefined {
  if (cause instanceof AppError) return cause.issues;
  // tRPC's input validation failure: a zod (standard schema) error with its issues.
  const raw = (cause as { issues?: unknown } | undefined)?.issues;
  if (!Array.isArray(raw)) return undefined;
  return raw.map((issue: { path?: PropertyKey[]; message?: string }) => ({
    field: formatFieldPath(issue.path ?? []),
    message: issue.message ?? 'is invalid',
  }));
}

/** Domain errors become tRPC errors with the matching code; the message stays the domain's. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof AppError) {
    const cause = result.error.cause;
    throw new TRPCError({ code: toTrpcCode(cause.code), message: cause.message, cause });
  }
  return result;
});

export const router = t.router;
export const publicProcedure = t.procedure.use(mapDomainErrors);
export const createCallerFactory = t.createCallerFactory;
