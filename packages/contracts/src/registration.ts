import { z } from 'zod';
import {
  MAX_ACTIONS_PER_PLUGIN,
  ZActionDefinitionFieldsSchema,
  ZActionDefinitionSchema,
} from './action-definition';

/** `POST /api/plugins/{slug}/register-actions`: the plugin's complete set, replacing the old one. */
export const ZRegisterActionsRequestSchema = z.strictObject({
  actions: z
    .array(ZActionDefinitionSchema)
    .max(MAX_ACTIONS_PER_PLUGIN, `must hold at most ${MAX_ACTIONS_PER_PLUGIN} actions`)
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
    }),
});

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
});
export type RegisterActionsResponse = z.output<typeof ZRegisterActionsResponseSchema>;
