import { summarizeIssues, toValidationIssues, type ValidationIssue } from '@registry/contracts';
import type { z } from 'zod';

export type PayloadCheck<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

/**
 * Parses a call's JSON body against the action's schema. Issues name the field, the expected
 * type and the value received (`email: expected string, received number 42`), in the registry's
 * own wording.
 */
export function checkPayload<Schema extends z.ZodType>(
  schema: Schema,
  rawBody: string,
): PayloadCheck<z.output<Schema>> {
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return { ok: false, issues: [{ field: 'body', message: 'must be valid JSON' }] };
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, issues: [{ field: 'body', message: 'must be a JSON object' }] };
  }
  const parsed = schema.safeParse(body, { reportInput: true });
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, issues: toValidationIssues(parsed.error) };
}

/** The 400 body: the registry's REST error shape. */
export function validationErrorBody(issues: ValidationIssue[]) {
  return {
    success: false,
    error: `Invalid payload: ${summarizeIssues(issues)}`,
    code: 'VALIDATION_ERROR',
    issues,
  };
}
