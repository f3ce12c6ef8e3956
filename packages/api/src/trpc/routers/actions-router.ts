import {
  ZActionFacetsQuerySchema,
  ZActionFacetsSchema,
  ZDiscoverActionsQuerySchema,
  ZDiscoverActionsResponseSchema,
  ZDiscoveredActionSchema,
  ZGetActionQuerySchema,
  ZRegisterActionsRequestSchema,
  ZRegisterActionsResponseSchema,
  ZSetDefaultProviderRequestSchema,
  ZSetDefaultProviderResponseSchema,
} from '@registry/contracts';
import {
  actionFacets,
  credentialLabel,
  discoverActions,
  getAction,
  registerActions,
  setDefaultProvider,
} from '@registry/core';
import { z } from 'zod';
import { adminProcedure, catalogProcedure, pluginSelfProcedure, router } from '../init';

export const actionsRouter = router({
  register: pluginSelfProcedure
    .input(
      z.strictObject({ slug: z.string().min(1).max(64), ...ZRegisterActionsRequestSchema.shape }),
    )
    .output(ZRegisterActionsResponseSchema)
    .mutation(({ ctx, input: { slug, ...request } }) =>
      registerActions(ctx.deps, ctx.tenantId, slug, request, credentialLabel(ctx.principal)),
    ),

  discover: catalogProcedure
    .input(ZDiscoverActionsQuerySchema.prefault({}))
    .output(ZDiscoverActionsResponseSchema)
    .query(({ ctx, input }) => discoverActions(ctx.deps, ctx.tenantId, input)),

  get: catalogProcedure
    .input(ZGetActionQuerySchema)
    .output(ZDiscoveredActionSchema)
    .query(({ ctx, input }) => getAction(ctx.deps, ctx.tenantId, input)),

  /** Which plugin receives an action type's events sent without plugin_id. */
  setDefaultProvider: adminProcedure
    .input(ZSetDefaultProviderRequestSchema)
    .output(ZSetDefaultProviderResponseSchema)
    .mutation(({ ctx, input }) => setDefaultProvider(ctx.deps, ctx.tenantId, input)),

  /** Counts for the catalog's category and plugin filters. */
  facets: catalogProcedure
    .input(ZActionFacetsQuerySchema.prefault({}))
    .output(ZActionFacetsSchema)
    .query(({ ctx, input }) => actionFacets(ctx.deps, ctx.tenantId, input)),
});
