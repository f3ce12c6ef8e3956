import { z } from 'zod';
import {
  ZAffectedActionSchema,
  ZBreakingChangeSchema,
  ZRegistrationBreakingPolicySchema,
  ZRegistrationDiffSchema,
} from './registration-history';

/**
 * `POST /api/plugins/{slug}/registrations/preview` (tRPC `plugins.previewRegistration`): what
 * registering this body would do, judged as a registration is, with nothing stored.
 */
export const ZRegistrationPreviewSchema = z.object({
  plugin_slug: z.string(),
  /** The revision the body was compared with (0: the plugin has never registered). */
  revision: z.number().int(),
  /** Registering it now would succeed (the policy refuses none of its breaking changes). */
  would_accept: z.boolean(),
  /** The rule that judged it: the plugin's own `breaking_policy`, or the server's default. */
  breaking_policy: z.object({
    rule: ZRegistrationBreakingPolicySchema,
    source: z.enum(['plugin', 'server']),
  }),
  breaking_changes: z.array(ZBreakingChangeSchema),
  /** Each action the breaking changes touch, with its use in the last 30 days. */
  affected: z.array(ZAffectedActionSchema),
  /** The actions a registration would be refused for (409); empty when it would be accepted. */
  refused_for: z.array(z.string()),
  /** Actions added, removed and changed field by field, as its revision would record. */
  diff: ZRegistrationDiffSchema,
});
export type RegistrationPreview = z.output<typeof ZRegistrationPreviewSchema>;
