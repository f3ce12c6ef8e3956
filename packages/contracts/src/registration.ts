import { z } from 'zod';
import {
  MAX_ACTIONS_PER_PLUGIN,
  ZActionDefinitionFieldsSchema,
  ZActionDefinitionSchema,
} from './action-definition';
import { ZBreakingChangeSchema } from './registration-history';

/**
 * Most one registration may hold, as stored JSON. It is stored and served whole (every
 * discovery reads it), so a plugin cannot make the catalog heavy: 500 actions of 64 KiB
 * schemas would be 32 MiB. A few MiB leave room for hundreds of actions with schemas.
 */
export const MAX_REGISTRATION_BYTES = 4 * 1024 * 1024;

/**
 * Where a plugin built on the SDK serves its registration body (GET, below its api_endpoint), so
 * `pnpm registry diff` and `validate-plugin` can preview what it would register.
 */
export const REGISTRATION_DOCUMENT_PATH = '/.well-known/registry-registration';

/** `POST /api/plugins/{slug}/register-actions`: the plugin's complete set, replacing the old one. */
export const ZRegisterActionsRequestSchema = z.strictObject({
  actions: z
    .array(ZActionDefinitionSchema)
    .max(MAX_ACTIONS_PER_PLUGIN, `must hold at most ${MAX_ACTIONS_PER_PLUGIN} actions`)
    .superRefine((actions, ctx) => {
      const bytes = new TextEncoder().encode(JSON.stringify(actions)).byteLength;
      if (bytes > MAX_REGISTRATION_BYTES) {
        ctx.addIssue({
          code: 'custom',
          message: `must be at most ${mebibytes(MAX_REGISTRATION_BYTES)} as JSON, all actions together (received ${mebibytes(bytes)})`,
        });
      }
    })
    .superRefine((actions, ctx) => {
      const firstIndex = new Map<string, number>();
      actions.forEach((action, index) => {
        const first = firstIndex.get(action.action_type);
        if (first === undefined) {
          firstIndex.set(action.action_type, index);
          return;
        }
        ctx.addIssue({
          code: 'custom',
          path: [index, 'action_type'],
          message: `duplicate action_type "${action.action_type}" (also at actions[${first}])`,
        });
      });
    })
    .superRefine((actions, ctx) => {
      const types = new Set(actions.map((action) => action.action_type));
      actions.forEach((action, index) => {
        action.examples?.forEach((example, exampleIndex) => {
          example.setup?.forEach((event, eventIndex) => {
            if (types.has(event.action_type)) return;
            ctx.addIssue({
              code: 'custom',
              path: [index, 'examples', exampleIndex, 'setup', eventIndex, 'action_type'],
              message: `must name one of this plugin's actions; "${event.action_type}" is not among them`,
            });
          });
        });
      });
    }),
  /** Accept breaking changes to actions callers use (the revision is marked breaking). */
  allow_breaking: z.boolean().optional(),
});

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MiB`;
}

export type RegisterActionsRequest = z.output<typeof ZRegisterActionsRequestSchema>;

export const ZRegisterActionsResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  plugin: z.object({ id: z.guid(), slug: z.string(), name: z.string() }),
  actions_count: z.number().int(),
  actions: z.array(ZActionDefinitionFieldsSchema),
  /** What this registration changed compared with the previous set, by action_type. */
  changes: z.object({
    added: z.array(z.string()),
    removed: z.array(z.string()),
    changed: z.array(z.string()),
    unchanged: z.array(z.string()),
  }),
  registered_at: z.string(),
  /** The number of the revision this registration was stored as (see its registrations). */
  revision: z.number().int(),
  /** The changes that can break callers, accepted (nobody called them, or allowed). */
  breaking_changes: z.array(ZBreakingChangeSchema),
});
export type RegisterActionsResponse = z.output<typeof ZRegisterActionsResponseSchema>;
