import { z } from 'zod';
import { ZActionTypeSchema } from './action-definition';

/**
 * `actions.setDefaultProvider`: makes a plugin that registers an action type the type's default
 * provider, the plugin that receives its events sent without `plugin_id`.
 */
export const ZSetDefaultProviderRequestSchema = z.strictObject({
  action_type: ZActionTypeSchema,
  plugin_id: z.guid(),
});
export type SetDefaultProviderRequest = z.output<typeof ZSetDefaultProviderRequestSchema>;

/** `PUT /api/actions/{action_type}/default-provider`: the body; the path names the type. */
export const ZSetDefaultProviderBodySchema = ZSetDefaultProviderRequestSchema.pick({
  plugin_id: true,
});

export const ZSetDefaultProviderResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  action_type: z.string(),
  plugin_id: z.guid(),
  plugin_slug: z.string(),
});
export type SetDefaultProviderResponse = z.output<typeof ZSetDefaultProviderResponseSchema>;
