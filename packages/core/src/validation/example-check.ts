import {
  type ActionExample,
  exampleLabel,
  type ValidationCheck,
  type ValidationStep,
} from '@registry/contracts';
import type { EndpointCaller } from './call-endpoint';
import { callProblem } from './judge-call';
import type { ActionUnderTest } from './validation-cases';

/** Where and how long to call an action: its URL and deadline. */
export type ActionTarget = (action: ActionUnderTest) => { url: string; timeoutMs: number };

/**
 * Runs one declared example as a check: its setup events in order, each to be answered 2xx
 * JSON, then its payload, 2xx JSON fitting the output schema. The first failing call ends it
 * (a payload whose fixture failed proves nothing). Setup events name actions of the same
 * plugin; registration made sure each exists and its payload fits.
 */
export async function exampleCheck(
  call: EndpointCaller,
  target: ActionTarget,
  actions: ReadonlyMap<string, ActionUnderTest>,
  action: ActionUnderTest,
  example: ActionExample,
  index: number,
): Promise<ValidationCheck> {
  const calls = [
    ...(example.setup ?? []).map((event) => ({
      role: 'setup' as const,
      action: actions.get(event.action_type),
      actionType: event.action_type,
      payload: event.payload,
    })),
    { role: 'example' as const, action, actionType: action.action_type, payload: example.payload },
  ];
  const steps: ValidationStep[] = [];
  let problem: string | undefined;
  for (const step of calls) {
    if (!step.action) {
      problem = `setup ${step.actionType}: the plugin registers no such action`;
      break;
    }
    const { url, timeoutMs } = target(step.action);
    const outcome = await call(url, step.payload, timeoutMs);
    const { status, latency_ms } = outcome;
    steps.push({ role: step.role, action_type: step.actionType, status, latency_ms });
    const failed = callProblem(step.action, 'accepted', outcome);
    if (failed) {
      problem = step.role === 'setup' ? `setup ${step.actionType} ${failed}` : failed;
      break;
    }
  }
  const last = steps.at(-1);
  return {
    name: exampleLabel(example, index),
    expected: '2xx JSON',
    ok: problem === undefined,
    status: last?.status ?? null,
    latency_ms: steps.reduce((sum, step) => sum + step.latency_ms, 0),
    ...(problem === undefined ? {} : { problem }),
    steps,
  };
}
