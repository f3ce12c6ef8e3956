import { formatFieldPath, summarizeIssues, toValidationIssues } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { PlatformAction, PlatformContext } from './platform-action';

interface PayloadProblem {
  path: readonly PropertyKey[];
  message: string;
}

/**
 * Why the payload cannot run this action (its own schema refuses it, or it holds U+0000, which
 * PostgreSQL text cannot store), as the caller's mistake; undefined when it can.
 */
export function platformPayloadProblem(
  action: PlatformAction,
  payload: Record<string, unknown>,
): EventFailure | undefined {
  return parsePayload(action, payload).failure;
}

/** Validates the payload against the action's own schema, then does the work. */
export async function runPlatformAction(
  action: PlatformAction,
  ctx: PlatformContext,
  payload: Record<string, unknown>,
): Promise<unknown> {
  const parsed = parsePayload(action, payload);
  if (parsed.failure) throw parsed.failure;
  return action.run(ctx, parsed.data);
}

function parsePayload(
  action: PlatformAction,
  payload: Record<string, unknown>,
):
  | { failure: EventFailure; data?: undefined }
  | { failure?: undefined; data: Record<string, unknown> } {
  const parsed = action.input.safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    const messages = toValidationIssues(parsed.error).map((issue) => issue.message);
    return {
      failure: invalidPayload(
        action,
        parsed.error.issues.map((issue, index) => ({
          path: issue.path,
          message: messages[index] ?? issue.message,
        })),
      ),
    };
  }
  const nulPath = findNul(parsed.data);
  if (nulPath) {
    return {
      failure: invalidPayload(action, [
        { path: nulPath, message: 'must not contain U+0000 (NUL)' },
      ]),
    };
  }
  return { data: parsed.data as Record<string, unknown> };
}

/** Names each field from the payload's root (`payload.items[0].quantity`), even one called `body`. */
function invalidPayload(action: PlatformAction, problems: PayloadProblem[]): EventFailure {
  const issues = problems.map(({ path, message }) => ({
    field: formatFieldPath(['payload', ...path]),
    message,
  }));
  return new EventFailure(
    'INVALID_PAYLOAD',
    `Invalid payload for ${action.action_type}: ${summarizeIssues(issues)}`,
  );
}

/** The path of the first string holding U+0000, if any. */
function findNul(value: unknown, path: PropertyKey[] = []): PropertyKey[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const found = findNul(inner, [...path, Array.isArray(value) ? Number(key) : key]);
    if (found) return found;
  }
  return undefined;
}
