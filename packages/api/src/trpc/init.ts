import { type ApiErrorCode, toValidationIssues } from '@registry/contracts';
import { type Access, AppError, authorize, type Principal } from '@registry/core';
import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import type { RequestContext } from '../request-context';
import { toTrpcError } from './trpc-error-codes';

export type ApiContext = RequestContext;

/** Every procedure says who may call it; the one middleware below enforces it. */
export interface ApiMeta {
  access: Access;
}

/** The context without a request, for tests and server-side callers (`createCaller`). */
export function createContextInner(context: RequestContext): ApiContext {
  return context;
}

const t = initTRPC
  .context<ApiContext>()
  .meta<ApiMeta>()
  .create({
    errorFormatter({ shape, error }) {
      const cause = error.cause instanceof AppError ? error.cause : undefined;
      // A server fault's own message may describe internals; the log has it, the caller doesn't.
      const message =
        error.code === 'INTERNAL_SERVER_ERROR' ? 'Internal server error' : shape.message;
      const appCode: ApiErrorCode | undefined = cause?.code;
      return {
        ...shape,
        message,
        data: {
          ...shape.data,
          stack: undefined,
          appCode,
          issues: cause?.issues,
          ...cause?.details,
        },
      };
    },
  });

/** Domain errors become tRPC errors with the matching code; the message stays the domain's. */
const mapDomainErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = asAppError(result.error);
  if (!cause) return result;
  throw toTrpcError(cause);
});

/**
 * tRPC's own input validation failure (BAD_REQUEST from a zod error) becomes the same
 * field-named VALIDATION_ERROR the REST adapter answers. An output validation failure is a
 * server fault (INTERNAL_SERVER_ERROR) and stays one.
 */
function asAppError(error: TRPCError): AppError | undefined {
  if (error.cause instanceof AppError) return error.cause;
  if (error.code === 'BAD_REQUEST' && error.cause instanceof ZodError) {
    return AppError.validation(toValidationIssues(error.cause));
  }
  return undefined;
}

/**
 * Resolves who may proceed (401/403 otherwise) and gives procedures their tenant. The body is
 * read first only where the decision needs it: a plugin key's own slug, on `plugin-self`.
 */
const enforceAccess = t.middleware(async ({ ctx, meta, getRawInput, next }) => {
  if (!meta?.access) {
    throw new TRPCError({ code: 'INTERNAL_SERVER_ERROR', message: 'Procedure declares no access' });
  }
  const needsSlug = meta.access === 'plugin-self' && ctx.principal?.kind === 'plugin';
  const input = needsSlug ? await getRawInput() : undefined;
  const slug = (input as { slug?: unknown } | undefined)?.slug;
  const principal: Principal = authorize(ctx.principal, meta.access, {
    slug: typeof slug === 'string' ? slug : undefined,
    problem: ctx.problem,
  });
  return next({ ctx: { ...ctx, principal, tenantId: principal.tenantId } });
});

const procedure = t.procedure.use(mapDomainErrors).use(enforceAccess);

export const router = t.router;
/** Tenant administrators only. */
export const adminProcedure = procedure.meta({ access: 'admin' });
/** Administrators and plugins: reading the catalog. */
export const catalogProcedure = procedure.meta({ access: 'catalog' });
/** Administrators, or the plugin named by the input's `slug`. */
export const pluginSelfProcedure = procedure.meta({ access: 'plugin-self' });
export const createCallerFactory = t.createCallerFactory;
