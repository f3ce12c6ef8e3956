import {
  ZExecutionListSchema,
  ZExecutionSchema,
  ZExecutionStatsQuerySchema,
  ZExecutionStatsSchema,
  ZListExecutionsQuerySchema,
} from '@registry/contracts';
import { executionStats, getExecution, listExecutions, redeliverExecution } from '@registry/core';
import { z } from 'zod';
import { adminProcedure, router } from '../init';

export const executionsRouter = router({
  list: adminProcedure
    .input(ZListExecutionsQuerySchema.prefault({}))
    .output(ZExecutionListSchema)
    .query(({ ctx, input }) => listExecutions(ctx.deps, ctx.tenantId, input)),

  get: adminProcedure
    .input(z.object({ id: z.guid() }))
    .output(ZExecutionSchema)
    .query(({ ctx, input }) => getExecution(ctx.deps, ctx.tenantId, input.id)),

  /** A failed or dead event, delivered again from a fresh retry schedule (same webhook-id). */
  redeliver: adminProcedure
    .input(z.object({ id: z.guid() }))
    .output(ZExecutionSchema)
    .mutation(({ ctx, input }) => redeliverExecution(ctx.deps, ctx.tenantId, input.id)),

  /** Success rate and p50/p95 latency per action, over the window and per time bucket. */
  stats: adminProcedure
    .input(ZExecutionStatsQuerySchema.prefault({}))
    .output(ZExecutionStatsSchema)
    .query(({ ctx, input }) => executionStats(ctx.deps, ctx.tenantId, input)),
});
