import {
  ZAsyncDispatchResponseSchema,
  ZAutomationHealthSchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
} from '@registry/contracts';
import type { Principal } from '@registry/core';
import { automationHealth, dispatchEvents, enqueueEvents } from '@registry/core';
import { adminProcedure, catalogProcedure, router } from '../init';
import { syncParser } from '../sync-parser';

/** A signed-in dashboard session calls tRPC from the browser; anything else is an API client. */
const sourceOf = (principal: Principal) =>
  principal.kind === 'admin' && principal.via === 'session' ? 'dashboard' : 'trpc';

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
    .mutation(({ ctx, input }) =>
      dispatchEvents(ctx.deps, ctx.tenantId, input, sourceOf(ctx.principal)),
    ),

  /** Queues the events and answers at once (REST's `"mode": "async"`); outcomes via `executions`. */
  enqueue: adminProcedure
    .input(syncParser(ZDispatchRequestSchema.omit({ mode: true, dry_run: true })))
    .output(syncParser(ZAsyncDispatchResponseSchema))
    .mutation(({ ctx, input }) =>
      enqueueEvents(ctx.deps, ctx.tenantId, input, sourceOf(ctx.principal)),
    ),

  health: catalogProcedure
    .output(ZAutomationHealthSchema)
    .query(({ ctx }) => automationHealth(ctx.deps, ctx.tenantId)),
});
