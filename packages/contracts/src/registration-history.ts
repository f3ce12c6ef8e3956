import { z } from 'zod';
import { ZActionDefinitionFieldsSchema } from './action-definition';

/**
 * One change inside an action between two registrations: `path` names the field of the
 * definition (`endpoint`, `input_schema.properties.amount.maximum`), `change` what happened to it.
 */
export const ZActionFieldChangeSchema = z.object({
  path: z.string(),
  change: z.enum(['added', 'removed', 'changed']),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type ActionFieldChange = z.output<typeof ZActionFieldChangeSchema>;

/**
 * A change that can break callers of an action: a payload they send today would be refused, or
 * sent elsewhere. `path` names where, in the action's definition or its input schema.
 */
export const ZBreakingChangeSchema = z.object({
  action_type: z.string(),
  change: z.enum([
    'action_removed',
    'endpoint_changed',
    'required_field_added',
    'field_made_required',
    'field_removed',
    'schema_narrowed',
  ]),
  path: z.string(),
  detail: z.string(),
});
export type BreakingChange = z.output<typeof ZBreakingChangeSchema>;

/** What a registration changed from the revision before it. */
export const ZRegistrationDiffSchema = z.object({
  added: z.array(z.string()),
  removed: z.array(z.string()),
  changed: z.array(
    z.object({ action_type: z.string(), changes: z.array(ZActionFieldChangeSchema) }),
  ),
  /** Of those changes, the ones that can break callers (see ZBreakingChangeSchema). */
  breaking_changes: z.array(ZBreakingChangeSchema).default([]),
});
export type RegistrationDiff = z.output<typeof ZRegistrationDiffSchema>;

/** One accepted registration of a plugin's actions, numbered from 1 per plugin. */
export const ZRegistrationRevisionSchema = z.object({
  revision: z.number().int(),
  registered_at: z.string(),
  /** Who registered: `token:<id>`, `session`, `local` (an admin) or `plugin:<slug>` (its key). */
  credential: z.string(),
  /** It made breaking changes: to actions nobody called, or allowed by `allow_breaking`. */
  breaking: z.boolean(),
  actions: z.array(ZActionDefinitionFieldsSchema),
  diff: ZRegistrationDiffSchema,
});
export type RegistrationRevision = z.output<typeof ZRegistrationRevisionSchema>;

/** `GET /api/plugins/{slug}/registrations` (tRPC `plugins.registrations`): newest first. */
export const ZRegistrationHistorySchema = z.object({
  plugin_slug: z.string(),
  registrations: z.array(ZRegistrationRevisionSchema),
});
export type RegistrationHistory = z.output<typeof ZRegistrationHistorySchema>;

/**
 * Two revisions of one plugin to compare (tRPC `plugins.registrationDiff`): what changed going
 * from `from` to `to`. Revision 0 is the empty set before the first registration.
 */
export const ZRegistrationDiffQuerySchema = z.object({
  from: z.number().int('must be a whole revision number').min(0, 'must be at least 0'),
  to: z.number().int('must be a whole revision number').min(0, 'must be at least 0'),
});
export type RegistrationDiffQuery = z.output<typeof ZRegistrationDiffQuerySchema>;

/** How much callers used an action a breaking registration would change (last 30 days). */
export const ZAffectedActionSchema = z.object({
  action_type: z.string(),
  events_last_30_days: z.number().int(),
  flows_last_30_days: z.number().int(),
});
export type AffectedAction = z.output<typeof ZAffectedActionSchema>;

/**
 * Which breaking changes a registration may make (REGISTRATION_BREAKING_POLICY): `refuse-used`
 * refuses those to actions called in the last 30 days, `refuse-all` every one, `warn` none (each
 * is reported in the answer either way). `allow_breaking: true` in the request overrides a refusal.
 */
export const REGISTRATION_BREAKING_POLICIES = ['refuse-used', 'refuse-all', 'warn'] as const;
export const ZRegistrationBreakingPolicySchema = z.enum(REGISTRATION_BREAKING_POLICIES, {
  error: `must be one of ${REGISTRATION_BREAKING_POLICIES.join(', ')}, or null for the server's default`,
});
export type RegistrationBreakingPolicy = z.output<typeof ZRegistrationBreakingPolicySchema>;
