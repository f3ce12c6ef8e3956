import {
  ZAutomationHealthSchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
} from '@registry/contracts';
import { automationHealth, dispatchEvents } from '@registry/core';
import { publicProcedure, router } from '../init';

export const automationRouter = router({
  dispatch: publicProcedure
    .input(ZDispatchRequestSchema)
    .output(ZDispatchResponseSchema)
    .mutation(({ ctx, input }) => dispatchEvents(ctx.deps, ctx.tenantId, input)),

  health: publicProcedure
    .output(ZAutomationHealthSchema)
    .query(({ ctx }) => automationHealth(ctx.deps, ctx.tenantId)),
});
