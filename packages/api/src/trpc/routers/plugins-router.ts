import {
  ZConnectivityResultSchema,
  ZCreatePluginRequestSchema,
  ZListPluginsQuerySchema,
  ZPatchPluginFieldsSchema,
  ZPluginListSchema,
  ZPluginSchema,
  ZPluginStatusSchema,
  ZRotateSigningSecretResponseSchema,
} from '@registry/contracts';
import {
  createPlugin,
  deletePlugin,
  getPlugin,
  listPlugins,
  patchPlugin,
  rotateSigningSecret,
  setPluginStatus,
  testPluginConnectivity,
} from '@registry/core';
import { z } from 'zod';
import { publicProcedure, router } from '../init';

/** Names an existing plugin; creation rules (reserved words, pattern) apply only to new slugs. */
const ZSlugInputSchema = z.object({ slug: z.string().min(1).max(64) });

export const pluginsRouter = router({
  list: publicProcedure
    .input(ZListPluginsQuerySchema.prefault({}))
    .output(ZPluginListSchema)
    .query(({ ctx, input }) => listPlugins(ctx.deps, ctx.tenantId, input)),

  get: publicProcedure
    .input(ZSlugInputSchema)
    .output(ZPluginSchema)
    .query(({ ctx, input }) => getPlugin(ctx.deps, ctx.tenantId, input.slug)),

  create: publicProcedure
    .input(ZCreatePluginRequestSchema)
    .output(ZPluginSchema)
    .mutation(async ({ ctx, input }) => (await createPlugin(ctx.deps, ctx.tenantId, input)).plugin),

  /** A new signing secret for the plugin, returned this once; the old one signs for 24 h more. */
  rotateSecret: publicProcedure
    .input(ZSlugInputSchema)
    .output(ZRotateSigningSecretResponseSchema)
    .mutation(({ ctx, input }) => rotateSigningSecret(ctx.deps, ctx.tenantId, input.slug)),

  update: publicProcedure
    .input(z.strictObject({ ...ZSlugInputSchema.shape, ...ZPatchPluginFieldsSchema.shape }))
    .output(ZPluginSchema)
    .mutation(({ ctx, input: { slug, ...fields } }) =>
      patchPlugin(ctx.deps, ctx.tenantId, slug, fields),
    ),

  setStatus: publicProcedure
    .input(z.object({ slug: z.string().min(1).max(64), status: ZPluginStatusSchema }))
    .output(ZPluginSchema)
    .mutation(({ ctx, input }) =>
      setPluginStatus(ctx.deps, ctx.tenantId, input.slug, input.status),
    ),

  delete: publicProcedure
    .input(ZSlugInputSchema)
    .output(z.object({ success: z.literal(true), message: z.string() }))
    .mutation(async ({ ctx, input }) => {
      await deletePlugin(ctx.deps, ctx.tenantId, input.slug);
      return { success: true as const, message: `Plugin deleted: ${input.slug}` };
    }),

  testConnectivity: publicProcedure
    .input(ZSlugInputSchema)
    .output(ZConnectivityResultSchema)
    .mutation(({ ctx, input }) => testPluginConnectivity(ctx.deps, ctx.tenantId, input.slug)),
});
