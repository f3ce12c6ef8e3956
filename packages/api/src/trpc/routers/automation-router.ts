import {
  ZAutomationHealthSchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
} from '@registry/contracts';
import { automationHealth, dispatchEvents } from '@registry/core';
import { adminProcedure, catalogProcedure, router } from '../init';

export const automationRouter = router({
  dispatch: adminProcedure
    .input(ZDispatchRequestSchema)
    .output(ZDispatchResponseSchema)
    .mutation(({ ctx, input }) => dispatchEvents(ctx.deps, ctx.tenantId, input)),

  health: catalogProcedure
    .output(ZAutomationHealthSchema)
    .query(({ ctx }) => automationHealth(ctx.deps, ctx.tenantId)),
});
