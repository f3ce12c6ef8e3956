import { z } from 'zod';

/**
 * Path parameters. A slug is any text here: a plugin the tenant lacks is a 404 from its store,
 * whatever its spelling (slug rules apply only to new plugins).
 */
export const ZSlugParamsSchema = z.object({
  slug: z.string().meta({ description: "The plugin's slug, e.g. `email-automation`." }),
});

export const ZExecutionParamsSchema = z.object({
  id: z
    .guid('must be an execution id (a UUID)')
    .meta({ description: "The execution's id (`execution_id` in dispatch answers)." }),
});

export const ZActionTypeParamsSchema = z.object({
  action_type: z.string().meta({ description: 'The action type, e.g. `send_welcome_email`.' }),
});
