import { z } from 'zod';

/** One call of an example check: a setup event, or the example's own payload. */
export const ZValidationStepSchema = z.object({
  role: z.enum(['setup', 'example']),
  action_type: z.string(),
  /** Null when no answer came. */
  status: z.number().int().nullable(),
  latency_ms: z.number(),
});
export type ValidationStep = z.output<typeof ZValidationStepSchema>;

/**
 * One check the validator made of an action, and whether the plugin answered as it must: a
 * generated payload (one call), or a declared example (its setup events, then its payload).
 */
export const ZValidationCheckSchema = z.object({
  name: z.string(),
  expected: z.enum(['2xx JSON', '4xx']),
  ok: z.boolean(),
  /** Null when no answer came (timeout, refused connection, address not allowed). */
  status: z.number().int().nullable(),
  latency_ms: z.number(),
  /** Why the check failed; absent when it passed. */
  problem: z.string().optional(),
  /** An example's calls in order, up to the first that failed; `latency_ms` is their sum. */
  steps: z.array(ZValidationStepSchema).optional(),
});
export type ValidationCheck = z.output<typeof ZValidationCheckSchema>;

/**
 * A check as one line names it, with what came back for an example:
 * `example "first redemption": setup award_points → 200, redeem_points → 200`.
 */
export function describeValidationCheck(check: ValidationCheck): string {
  if (!check.steps) return check.name;
  const calls = check.steps.map(
    (step) =>
      `${step.role === 'setup' ? 'setup ' : ''}${step.action_type} → ${step.status ?? 'no answer'}`,
  );
  return `${check.name}: ${calls.join(', ')}`;
}

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
