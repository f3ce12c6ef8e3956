import type { RegisterActionsRequest, ValidationIssue } from '@registry/contracts';
import { findResultProblem, schemaCompileError } from '../dispatch/payload-validators';
import { AppError } from '../errors/app-error';

/** Refuses (400, naming each field) a set whose schemas cannot be used; see below. */
export function refuseUncompilableSchemas(request: RegisterActionsRequest): void {
  const uncompilable = uncompilableSchemas(request);
  if (uncompilable.length > 0) throw AppError.validation(uncompilable);
}

/**
 * Schemas the contract accepts but Ajv cannot compile (an unresolvable `$ref`, a pattern RE2
 * cannot run), and an `output_example` its own `output_schema` refuses.
 */
function uncompilableSchemas(request: RegisterActionsRequest): ValidationIssue[] {
  return request.actions.flatMap((action, index) => {
    const at = (field: string, message: string) => ({
      field: `actions[${index}].${field}`,
      message,
    });
    const issues: ValidationIssue[] = [];
    for (const key of ['input_schema', 'output_schema'] as const) {
      const error = action[key] && schemaCompileError(action[key]);
      if (error) issues.push(at(key, error));
    }
    const { output_schema: schema, output_example: example } = action;
    if (schema && example !== undefined && issues.length === 0) {
      const problem = findResultProblem('example', action.action_type, schema, example);
      if (problem) {
        const field = problem.field.replace(/^result/, 'output_example');
        issues.push(at(field, `${problem.message} (it must fit output_schema)`));
      }
    }
    return issues;
  });
}
