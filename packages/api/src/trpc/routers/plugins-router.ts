import {
  ZConnectivityResultSchema,
  ZCreatedPluginSchema,
  ZCreatePluginRequestSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZPluginKeySchema,
  ZPluginListSchema,
  ZPluginSchema,
  ZPluginStatusSchema,
  ZPluginValidationReportSchema,
  ZRecoverPluginEventsRequestSchema,
  ZRecoverPluginEventsResponseSchema,
  ZRegisterActionsRequestSchema,
  ZRegistrationDiffQuerySchema,
  ZRegistrationDiffSchema,
  ZRegistrationHistorySchema,
  ZRegistrationPreviewSchema,
  ZRotateSigningSecretResponseSchema,
  ZVerifyEndpointResponseSchema,
} from '@registry/contracts';
import {
  createPlugin,
  deletePlugin,
  diffRegistrationRevisions,
  getPlugin,
  listPlugins,
  listRegistrations,
  patchPlugin,
  previewRegistration,
  recoverPluginEvents,
  rotatePluginKey,
  rotateSigningSecret,
  setPluginStatus,
  testPluginConnectivity,
  validatePluginEndpoints,
  verifyPluginEndpoint,
} from '@registry/core';
import { z } from 'zod';
import { adminProcedure, pluginSelfProcedure, router } from '../init';

/** Names an existing plugin; creation rules (reserved words, pattern) apply only to new slugs. */
const ZSlugInputSchema = z.object({ slug: z.string().min(1).max(64) });

export const pluginsRouter = router({
  /** The plugin's failed and dead events since a time, delivered again. */
  recover: adminProcedure
    .input(ZSlugInputSchema.extend(ZRecoverPluginEventsRequestSchema.shape))
    .output(ZRecoverPluginEventsResponseSchema)
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      ...(await recoverPluginEvents(ctx.deps, ctx.tenantId, input.slug, new Date(input.since))),
    })),

  list: adminProcedure
    .input(ZListPluginsQuerySchema.prefault({}))
    .output(ZPluginListSchema)
    .query(({ ctx, input }) => listPlugins(ctx.deps, ctx.tenantId, input)),

  get: adminProcedure
    .input(ZSlugInputSchema)
    .output(ZPluginSchema)
    .query(({ ctx, input }) => getPlugin(ctx.deps, ctx.tenantId, input.slug)),

  /** Every accepted registration of the plugin's actions, newest first, with its diff. */
  registrations: adminProcedure
    .input(ZSlugInputSchema)
    .output(ZRegistrationHistorySchema)
    .query(({ ctx, input }) => listRegistrations(ctx.deps, ctx.tenantId, input.slug)),

  /**
   * What registering this set would change and break, judged as `actions.register` would,
   * storing nothing. A mutation only so the set (up to 4 MiB) travels in a POST body.
   */
  previewRegistration: pluginSelfProcedure
    .input(ZSlugInputSchema.extend(ZRegisterActionsRequestSchema.shape).strict())
    .output(ZRegistrationPreviewSchema)
    .mutation(({ ctx, input: { slug, ...request } }) =>
      previewRegistration(ctx.deps, ctx.tenantId, slug, request),
    ),

  /** What changed between any two of those revisions (0: before the first), by the same rules. */
  registrationDiff: adminProcedure
    .input(ZSlugInputSchema.extend(ZRegistrationDiffQuerySchema.shape))
    .output(ZRegistrationDiffSchema)
    .query(({ ctx, input: { slug, ...revisions } }) =>
      diffRegistrationRevisions(ctx.deps, ctx.tenantId, slug, revisions),
    ),

  create: adminProcedure
    .input(ZCreatePluginRequestSchema)
    .output(ZCreatedPluginSchema)
    .mutation(({ ctx, input }) => createPlugin(ctx.deps, ctx.tenantId, input)),

  /** A new signing secret for the plugin, returned this once; the old one signs for 24 h more. */
  rotateSecret: adminProcedure
    .input(ZSlugInputSchema)
    .output(ZRotateSigningSecretResponseSchema)
    .mutation(({ ctx, input }) => rotateSigningSecret(ctx.deps, ctx.tenantId, input.slug)),

  update: adminProcedure
    .input(z.strictObject({ ...ZSlugInputSchema.shape, ...ZPatchPluginFieldsSchema.shape }))
    .output(ZPluginSchema)
    .mutation(({ ctx, input: { slug, ...fields } }) =>
      patchPlugin(ctx.deps, ctx.tenantId, slug, fields),
    ),

  setStatus: adminProcedure
    .input(z.object({ slug: z.string().min(1).max(64), status: ZPluginStatusSchema }))
    .output(ZPluginSchema)
    .mutation(({ ctx, input }) =>
      setPluginStatus(ctx.deps, ctx.tenantId, input.slug, input.status),
    ),

  delete: adminProcedure
    .input(ZSlugInputSchema)
    .output(z.object({ success: z.literal(true), message: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await deletePlugin(ctx.deps, ctx.tenantId, input.slug);
      return { success: true as const, message: `Plugin deleted: ${input.slug}` };
    }),

  /** A new API key for the plugin, shown this once; the old key stops working at once. */
  rotateKey: adminProcedure
    .input(ZSlugInputSchema)
    .output(ZPluginKeySchema)
    .mutation(({ ctx, input }) => rotatePluginKey(ctx.deps, ctx.tenantId, input.slug)),

  /**
   * Sends the ownership challenge to the plugin's api_endpoint; a plugin waiting in
   * `pending_verification` becomes active on the right answer. Its own key may ask, so a plugin
   * server can prove itself once it listens: it can only activate itself, and only by holding
   * its signing secret.
   */
  verify: pluginSelfProcedure
    .input(ZSlugInputSchema)
    .output(ZVerifyEndpointResponseSchema)
    .mutation(({ ctx, input }) => verifyPluginEndpoint(ctx.deps, ctx.tenantId, input.slug)),

  /**
   * Calls each registered action with payloads generated from its schema (valid ones must be
   * answered 2xx JSON, invalid ones 4xx), signed with the plugin's secret: the validator's
   * report without the operator handling that secret. The valid calls do real work.
   */
  validate: adminProcedure
    .input(ZSlugInputSchema)
    .output(ZPluginValidationReportSchema)
    .mutation(({ ctx, input }) => validatePluginEndpoints(ctx.deps, ctx.tenantId, input.slug)),

  testConnectivity: adminProcedure
    .input(ZSlugInputSchema)
    .output(ZConnectivityResultSchema)
    .mutation(({ ctx, input }) => testPluginConnectivity(ctx.deps, ctx.tenantId, input.slug)),
});
