import {
  ZExecutionListSchema,
  ZExecutionSchema,
  ZListExecutionsQuerySchema,
} from '@registry/contracts';
import { getExecution, listExecutions } from '@registry/core';
import { z } from 'zod';
import { publicProcedure, router } from '../init';

export const executionsRouter = router({
  list: publicProcedure
    .input(ZListExecutionsQuerySchema.prefault({}))
    .output(ZExecutionListSchema)
    .query(({ ctx, input }) => listExecutions(ctx.deps, ctx.tenantId, input)),

  get: publicProcedure
    .input(z.object({ id: z.guid() }))
    .output(ZExecutionSchema)
    .query(({ ctx, input }) => getExecution(ctx.deps, ctx.tenantId, input.id)),
});
