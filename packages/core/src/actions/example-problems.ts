import {
  type ActionDefinition,
  actionInputSchema,
  type RegisterActionsRequest,
  type ValidationIssue,
} from '@registry/contracts';
import { findPayloadProblem } from '../dispatch/payload-validators';

/**
 * Example payloads the registration's own schemas refuse: each example's payload must fit its
 * action's input schema, and each setup event's payload the schema of the action it names
 * (the contract already refused a setup event naming no action of the set). An example that
 * dispatch would refuse could never pass the validator, and would mislead callers.
 */
export function exampleProblems(request: RegisterActionsRequest): ValidationIssue[] {
  const byType = new Map(request.actions.map((action) => [action.action_type, action]));
  return request.actions.flatMap((action, index) =>
    (action.examples ?? []).flatMap((example, exampleIndex) => {
      const at = `actions[${index}].examples[${exampleIndex}]`;
      const setupProblems = (example.setup ?? []).flatMap((event, eventIndex) => {
        const target = byType.get(event.action_type);
        return target
          ? payloadProblem(target, event.payload, `${at}.setup[${eventIndex}].payload`)
          : [];
      });
      return [...payloadProblem(action, example.payload, `${at}.payload`), ...setupProblems];
    }),
  );
}

function payloadProblem(
  action: ActionDefinition,
  payload: Record<string, unknown>,
  field: string,
): ValidationIssue[] {
  const schema = actionInputSchema(action);
  const problem = findPayloadProblem('example', action.action_type, schema, payload);
  if (!problem) return [];
  const message = `${problem.message} (it must fit ${action.action_type}'s input schema)`;
  return [{ field: problem.field.replace(/^payload/, field), message }];
}
