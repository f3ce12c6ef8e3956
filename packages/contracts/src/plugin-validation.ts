import { z } from 'zod';

/** One call the validator made to an action, and whether the plugin answered as it must. */
export const ZValidationCheckSchema = z.object({
  name: z.string(),
  expected: z.enum(['2xx JSON', '4xx']),
  ok: z.boolean(),
  /** Null when no answer came (timeout, refused connection, address not allowed). */
  status: z.number().int().nullable(),
  latency_ms: z.number(),
  /** Why the check failed; absent when it passed. */
  problem: z.string().optional(),
});
export type ValidationCheck = z.output<typeof ZValidationCheckSchema>;

export const ZActionValidationSchema = z.object({
  action_type: z.string(),
  url: z.string(),
  ok: z.boolean(),
  checks: z.array(ZValidationCheckSchema),
  latency: z.object({ avg_ms: z.number(), max_ms: z.number() }),
});
export type ActionValidation = z.output<typeof ZActionValidationSchema>;

/** The answer of tRPC `plugins.validate` and the report `pnpm registry validate-plugin` prints. */
export const ZPluginValidationReportSchema = z.object({
  plugin_slug: z.string(),
  api_endpoint: z.string().nullable(),
  ok: z.boolean(),
  /** Why nothing could be validated, when that is the case. */
  problem: z.string().optional(),
  actions: z.array(ZActionValidationSchema),
});
export type PluginValidationReport = z.output<typeof ZPluginValidationReportSchema>;
