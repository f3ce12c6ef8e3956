import {
  type ActionDefinitionInput,
  fieldsOfInputSchema,
  type InputSchema,
  type JsonValue,
  type OutputSchema,
} from '@registry/contracts';
import { z } from 'zod';
import type { Plugin, ResolvedAction } from './define-plugin';

/**
 * One action as `POST /api/plugins/{slug}/register-actions` (tRPC `actions.register`) takes it,
 * with its input schema and both field lists always given.
 */
export type ActionRegistration = ActionDefinitionInput & {
  required_fields: string[];
  optional_fields: string[];
  input_schema: InputSchema;
  output_schema?: OutputSchema;
};

/**
 * The plugin's complete action set for registration. Fields and schema come from each action's
 * zod input: the schema of what callers send (`io: 'input'`, so a field with a default is
 * optional), its `required` list as `required_fields`, the other properties as `optional_fields`.
 * The output schema is what the handler answers (`io: 'output'`, as the handler builds it).
 */
export function registrationPayload(plugin: Plugin): { actions: ActionRegistration[] } {
  return { actions: plugin.actions.map(describeAction) };
}

function describeAction(action: ResolvedAction): ActionRegistration {
  const input_schema = z.toJSONSchema(action.input, { io: 'input' }) as InputSchema;
  return {
    action_type: action.action_type,
    title: action.title,
    ...(action.description === undefined ? {} : { description: action.description }),
    ...(action.category === undefined ? {} : { category: action.category }),
    ...fieldsOfInputSchema(input_schema),
    endpoint: action.endpoint,
    ...(action.timeout_ms === undefined ? {} : { timeout_ms: action.timeout_ms }),
    input_schema,
    ...(action.output === undefined
      ? {}
      : { output_schema: z.toJSONSchema(action.output, { io: 'output' }) as OutputSchema }),
    ...(action.output_example === undefined
      ? {}
      : { output_example: action.output_example as JsonValue }),
    // Payloads typed by the input schema are JSON objects as the contract reads them.
    ...(action.examples === undefined
      ? {}
      : { examples: action.examples as ActionDefinitionInput['examples'] }),
    ...hintsOf(action),
    ...(action.supports_dry_run ? { supports_dry_run: true } : {}),
  };
}

function hintsOf({ read_only, destructive, idempotent }: ResolvedAction) {
  return {
    ...(read_only === undefined ? {} : { read_only }),
    ...(destructive === undefined ? {} : { destructive }),
    ...(idempotent === undefined ? {} : { idempotent }),
  };
}
