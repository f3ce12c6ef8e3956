import {
  ZAsyncDispatchResponseSchema,
  ZAutomationHealthSchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
} from '@registry/contracts';
import { automationHealth, dispatchEvents, enqueueEvents } from '@registry/core';
import { adminProcedure, catalogProcedure, router } from '../init';
import { syncParser } from '../sync-parser';

export const automationRouter = router({
  /** Waits for the events' outcomes (REST's default mode); `dry_run: true` does nothing. */
  dispatch: adminProcedure
    .input(
      syncParser(
        ZDispatchRequestSchema.extend({
          mode: ZDispatchRequestSchema.shape.mode.unwrap().extract(['sync']).optional(),
        }),
      ),
    )
    .output(syncParser(ZDispatchResponseSchema))
    .mutation(({ ctx, input }) => dispatchEvents(ctx.deps, ctx.tenantId, input)),

  /** Queues the events and answers at once (REST's `"mode": "async"`); outcomes via `executions`. */
  enqueue: adminProcedure
    .input(syncParser(ZDispatchRequestSchema.omit({ mode: true, dry_run: true })))
    .output(syncParser(ZAsyncDispatchResponseSchema))
    .mutation(({ ctx, input }) => enqueueEvents(ctx.deps, ctx.tenantId, input)),

  health: catalogProcedure
    .output(ZAutomationHealthSchema)
    .query(({ ctx }) => automationHealth(ctx.deps, ctx.tenantId)),
});
