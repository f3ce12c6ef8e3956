import { z } from 'zod';
import type { Plugin, ResolvedAction } from './define-plugin';

/** The JSON Schema of an action's payload, as `z.toJSONSchema` writes a z.object. */
export interface ObjectJsonSchema {
  type: 'object';
  properties?: Record<string, unknown>;
  required?: string[];
  [keyword: string]: unknown;
}

/** One action as `POST /api/plugins/{slug}/register-actions` (tRPC `actions.register`) takes it. */
export interface ActionRegistration {
  action_type: string;
  title: string;
  description?: string;
  category?: string;
  required_fields: string[];
  optional_fields: string[];
  endpoint: string;
  timeout_ms?: number;
  input_schema: ObjectJsonSchema;
}

/**
 * The plugin's complete action set for registration. Fields and schema come from each action's
 * zod input: the schema of what callers send (`io: 'input'`, so a field with a default is
 * optional), its `required` list as `required_fields`, the other properties as `optional_fields`.
 */
export function registrationPayload(plugin: Plugin): { actions: ActionRegistration[] } {
  return { actions: plugin.actions.map(describeAction) };
}

function describeAction(action: ResolvedAction): ActionRegistration {
  const input_schema = z.toJSONSchema(action.input, { io: 'input' }) as ObjectJsonSchema;
  const required = input_schema.required ?? [];
  const optional = Object.keys(input_schema.properties ?? {}).filter(
    (field) => !required.includes(field),
  );
  return {
    action_type: action.action_type,
    title: action.title,
    ...(action.description === undefined ? {} : { description: action.description }),
    ...(action.category === undefined ? {} : { category: action.category }),
    required_fields: required,
    optional_fields: optional,
    endpoint: action.endpoint,
    ...(action.timeout_ms === undefined ? {} : { timeout_ms: action.timeout_ms }),
    input_schema,
  };
}
