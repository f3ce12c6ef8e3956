import type {
  ActionValidation as ActionReport,
  ValidationCheck as CheckResult,
} from '@registry/contracts';
import { findResultProblem } from '../dispatch/payload-validators';
import type { CallOutcome, EndpointCaller } from './call-endpoint';
import { type ActionUnderTest, type ValidationCase, validationCases } from './validation-cases';

/** Statuses that say nothing about the payload: the call was refused before it was read. */
const NOT_A_PAYLOAD_ANSWER = new Set([401, 403, 404, 405, 408, 429]);

/**
 * Runs every validation case against each action's endpoint, one call at a time, each with the
 * action's own deadline (else `timeoutMs`), capped as dispatch caps it by the HTTP client.
 */
export async function validateActions(
  call: EndpointCaller,
  apiEndpoint: string,
  actions: readonly ActionUnderTest[],
  timeoutMs: number,
): Promise<ActionReport[]> {
  const reports: ActionReport[] = [];
  for (const action of actions) {
    const url = apiEndpoint.replace(/\/$/, '') + action.endpoint;
    const checks: CheckResult[] = [];
    for (const testCase of validationCases(action)) {
      const outcome = await call(url, testCase.payload, action.timeout_ms ?? timeoutMs);
      checks.push(judge(action, testCase, outcome));
    }
    const latencies = checks.map((check) => check.latency_ms);
    reports.push({
      action_type: action.action_type,
      url,
      ok: checks.every((check) => check.ok),
      checks,
      latency: {
        avg_ms: Math.round(latencies.reduce((sum, ms) => sum + ms, 0) / (latencies.length || 1)),
        max_ms: Math.max(0, ...latencies),
      },
    });
  }
  return reports;
}

function judge(
  action: ActionUnderTest,
  testCase: ValidationCase,
  outcome: CallOutcome,
): CheckResult {
  const expected = testCase.expect === 'accepted' ? '2xx JSON' : '4xx';
  const base = {
    name: testCase.name,
    expected,
    status: outcome.status,
    latency_ms: outcome.latency_ms,
  } as const;
  const problem = findProblem(testCase, outcome) ?? outputProblem(action, testCase, outcome);
  return problem ? { ...base, ok: false, problem } : { ...base, ok: true };
}

/** An accepted payload's answer must fit the action's `output_schema`, when it registered one. */
function outputProblem(
  action: ActionUnderTest,
  testCase: ValidationCase,
  outcome: CallOutcome,
): string | undefined {
  if (testCase.expect !== 'accepted' || !action.output_schema) return undefined;
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

function findProblem(testCase: ValidationCase, outcome: CallOutcome): string | undefined {
  const { status } = outcome;
  if (outcome.timed_out) return `timed out: ${outcome.detail}`;
  if (status === null) return `no answer: ${outcome.detail}`;
  if (testCase.expect === 'accepted') {
    if (status < 200 || status > 299) return `answered ${status}: ${outcome.detail}`;
    if (!outcome.json) return `answered ${status} with a body that is not JSON: ${outcome.detail}`;
    return undefined;
  }
  if (status >= 200 && status <= 299) {
    return `accepted an invalid payload with ${status}; it must answer 4xx`;
  }
  if (status < 400 || status > 499 || NOT_A_PAYLOAD_ANSWER.has(status)) {
    return `answered ${status} to an invalid payload; expected 400 or 422 naming the field: ${outcome.detail}`;
  }
  return undefined;
}
