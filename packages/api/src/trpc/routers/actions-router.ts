import {
  ZDiscoverActionsQuerySchema,
  ZDiscoverActionsResponseSchema,
  ZDiscoveredActionSchema,
  ZGetActionQuerySchema,
  ZRegisterActionsRequestSchema,
  ZRegisterActionsResponseSchema,
} from '@registry/contracts';
import { discoverActions, getAction, registerActions } from '@registry/core';
import { z } from 'zod';
import { publicProcedure, router } from '../init';

export const actionsRouter = router({
  register: publicProcedure
    .input(
      z.strictObject({ slug: z.string().min(1).max(64), ...ZRegisterActionsRequestSchema.shape }),
    )
    .output(ZRegisterActionsResponseSchema)
    .mutation(({ ctx, input: { slug, ...request } }) =>
      registerActions(ctx.deps, ctx.tenantId, slug, request),
    ),

  discover: publicProcedure
    .input(ZDiscoverActionsQuerySchema.prefault({}))
    .output(ZDiscoverActionsResponseSchema)
    .query(async ({ ctx, input }) => ({
      actions: await discoverActions(ctx.deps, ctx.tenantId, input),
    })),

  get: publicProcedure
    .input(ZGetActionQuerySchema)
    .output(ZDiscoveredActionSchema)
    .query(({ ctx, input }) => getAction(ctx.deps, ctx.tenantId, input)),
});
