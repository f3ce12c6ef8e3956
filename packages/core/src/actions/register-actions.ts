import type {
  RegisterActionsRequest,
  RegisterActionsResponse,
  ValidationIssue,
} from '@registry/contracts';
import { findResultProblem, schemaCompileError } from '../dispatch/payload-validators';
import { AppError } from '../errors/app-error';
import { pluginNotFound } from '../errors/plugin-not-found';
import { readRegisteredActions } from '../plugins/registered-actions';
import { replaceRegisteredActions } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';
import { recordActionTypeProviders } from '../routing/action-type-providers';
import { diffActionSets } from './diff-action-sets';

/**
 * Replaces a plugin's registered actions with a validated set, atomically, in one statement:
 * concurrent registrations serialise on the plugin's row lock, each reading the set it
 * replaces (for the diff) under that lock. One statement rather than an interactive
 * transaction, so a burst of registrations never holds pool connections across round trips
 * (fifty at once used to time out waiting for one). A rejected request never reaches here.
 * Then the plugin's action types are recorded as provided by it (the first registration of a
 * type decides which plugin receives its events sent without plugin_id); should that fail, the
 * request fails and the plugin registers again.
 */
export async function registerActions(
  { sql, logger }: Pick<RegistryDeps, 'sql' | 'logger'>,
  tenantId: string,
  slug: string,
  request: RegisterActionsRequest,
): Promise<RegisterActionsResponse> {
  const uncompilable = uncompilableSchemas(request);
  if (uncompilable.length > 0) throw AppError.validation(uncompilable);
  const registeredAt = new Date().toISOString();
  const stored = JSON.stringify({ actions: request.actions, registered_at: registeredAt });
  const plugin = await replaceRegisteredActions(sql, tenantId, slug, stored);
  if (!plugin) throw pluginNotFound(slug);
  await recordActionTypeProviders(sql, plugin.id);
  const changes = diffActionSets(readRegisteredActions(plugin.previous).actions, request.actions);
  const count = request.actions.length;
  logger.info({ tenantId, plugin: slug, count, changes }, 'registered plugin actions');
  return {
    success: true,
    message: `Registered ${count} action${count === 1 ? '' : 's'} for plugin: ${slug}`,
    plugin: { id: plugin.id, slug, name: plugin.name },
    actions_count: count,
    actions: request.actions,
    changes,
    registered_at: registeredAt,
  };
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
