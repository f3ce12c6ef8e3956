import {
  ZAdminTokenSchema,
  ZCreateAdminTokenRequestSchema,
  ZCreatedAdminTokenSchema,
} from '@registry/contracts';
import { createAdminToken, listAdminTokens, revokeAdminToken } from '@registry/core';
import { z } from 'zod';
import { adminProcedure, router } from '../init';

/**
 * The tenant's admin API tokens. A new token's secret is returned once, by `create`; with
 * `expires_in` (`30d`) it is refused from then on.
 */
export const tokensRouter = router({
  list: adminProcedure
    .output(z.array(ZAdminTokenSchema))
    .query(({ ctx }) => listAdminTokens(ctx.deps, ctx.tenantId)),

  create: adminProcedure
    .input(ZCreateAdminTokenRequestSchema)
    .output(ZCreatedAdminTokenSchema)
    .mutation(({ ctx, input }) =>
      createAdminToken(ctx.deps, ctx.tenantId, input.name, input.expires_in),
    ),

  revoke: adminProcedure
    .input(z.object({ id: z.guid() }))
    .output(ZAdminTokenSchema)
    .mutation(({ ctx, input }) => revokeAdminToken(ctx.deps, ctx.tenantId, input.id)),
});
