import type {
  ActionValidation as ActionReport,
  ValidationCheck as CheckResult,
} from '@registry/contracts';
import type { EndpointCaller } from './call-endpoint';
import { type ActionTarget, exampleCheck } from './example-check';
import { callProblem } from './judge-call';
import { type ActionUnderTest, validationCases } from './validation-cases';

/**
 * Checks each action's endpoint, one call at a time, each with the action's own deadline (else
 * `timeoutMs`), capped as dispatch caps it by the HTTP client: first the examples it declares
 * (their setup events, then their payloads), then the cases generated from its schema. Setup
 * events may call any action in `actions`, so an action that needs another's effects passes
 * whatever order the actions come in.
 */
export async function validateActions(
  call: EndpointCaller,
  apiEndpoint: string,
  actions: readonly ActionUnderTest[],
  timeoutMs: number,
): Promise<ActionReport[]> {
  const byType = new Map(actions.map((action) => [action.action_type, action]));
  const target: ActionTarget = (action) => ({
    url: apiEndpoint.replace(/\/$/, '') + action.endpoint,
    timeoutMs: action.timeout_ms ?? timeoutMs,
  });
  const reports: ActionReport[] = [];
  for (const action of actions) {
    const { url, timeoutMs: deadline } = target(action);
    const checks: CheckResult[] = [];
    for (const [index, example] of (action.examples ?? []).entries()) {
      checks.push(await exampleCheck(call, target, byType, action, example, index));
    }
    for (const testCase of validationCases(action)) {
      const outcome = await call(url, testCase.payload, deadline);
      const problem = callProblem(action, testCase.expect, outcome);
      checks.push({
        name: testCase.name,
        expected: testCase.expect === 'accepted' ? '2xx JSON' : '4xx',
        status: outcome.status,
        latency_ms: outcome.latency_ms,
        ...(problem ? { ok: false, problem } : { ok: true }),
      });
    }
    reports.push({
      action_type: action.action_type,
      url,
      ok: checks.every((check) => check.ok),
      checks,
      latency: latencyOf(checks),
    });
  }
  return reports;
}

/** The latency of the action's own calls: an example's setup calls are other actions'. */
function latencyOf(checks: readonly CheckResult[]): ActionReport['latency'] {
  const latencies = checks.flatMap((check) =>
    check.steps
      ? check.steps.filter((step) => step.role === 'example').map((step) => step.latency_ms)
      : [check.latency_ms],
  );
  return {
    avg_ms: Math.round(latencies.reduce((sum, ms) => sum + ms, 0) / (latencies.length || 1)),
    max_ms: Math.max(0, ...latencies),
  };
}
