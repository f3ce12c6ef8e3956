import { findResultProblem } from '../dispatch/payload-validators';
import type { CallOutcome } from './call-endpoint';
import type { ActionUnderTest } from './validation-cases';

/** Statuses that say nothing about the payload: the call was refused before it was read. */
const NOT_A_PAYLOAD_ANSWER = new Set([401, 403, 404, 405, 408, 429]);

/**
 * Why an answer is not what the payload deserves (undefined: it is): a valid payload 2xx JSON
 * that fits the action's `output_schema`, when it registered one; an invalid one a 4xx that
 * reads the payload (400 or 422 naming the field).
 */
export function callProblem(
  action: Pick<ActionUnderTest, 'action_type' | 'output_schema'>,
  expect: 'accepted' | 'rejected',
  outcome: CallOutcome,
): string | undefined {
  const { status } = outcome;
  if (outcome.timed_out) return `timed out: ${outcome.detail}`;
  if (status === null) return `no answer: ${outcome.detail}`;
  if (expect === 'accepted') {
    if (status < 200 || status > 299) return `answered ${status}: ${outcome.detail}`;
    if (!outcome.json) return `answered ${status} with a body that is not JSON: ${outcome.detail}`;
    return outputProblem(action, outcome);
  }
  if (status >= 200 && status <= 299) {
    return `accepted an invalid payload with ${status}; it must answer 4xx`;
  }
  if (status < 400 || status > 499 || NOT_A_PAYLOAD_ANSWER.has(status)) {
    return `answered ${status} to an invalid payload; expected 400 or 422 naming the field: ${outcome.detail}`;
  }
  return undefined;
}

function outputProblem(
  action: Pick<ActionUnderTest, 'action_type' | 'output_schema'>,
  outcome: CallOutcome,
): string | undefined {
  if (!action.output_schema) return undefined;
  const problem = findResultProblem(
    'validate',
    action.action_type,
    action.output_schema,
    outcome.body,
  );
  return (
    problem &&
    `answered ${outcome.status}, but not as output_schema says: ${problem.field} ${problem.message}`
  );
}
