import { summarizeIssues, toValidationIssues } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { PlatformAction, PlatformContext } from './platform-action';

/** Validates the payload against the action's own schema, then does the work. */
export async function runPlatformAction(
  action: PlatformAction,
  ctx: PlatformContext,
  payload: Record<string, unknown>,
): Promise<unknown> {
  const parsed = action.input.safeParse(payload, { reportInput: true });
  if (!parsed.success) {
    const issues = toValidationIssues(parsed.error).map((issue) => ({
      ...issue,
      field: issue.field === 'body' ? 'payload' : `payload.${issue.field}`,
    }));
    throw new EventFailure(
      'INVALID_PAYLOAD',
      `Invalid payload for ${action.action_type}: ${summarizeIssues(issues)}`,
    );
  }
  return action.run(ctx, parsed.data);
}
