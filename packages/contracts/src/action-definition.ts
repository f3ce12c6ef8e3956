import { z } from 'zod';
import { ZActionExamplesSchema } from './action-examples';
import { type InputSchema, ZInputSchemaRequestSchema, ZInputSchemaSchema } from './input-schema';
import { storableString } from './json-value';
import {
  ZOutputExampleSchema,
  ZOutputSchemaRequestSchema,
  ZOutputSchemaSchema,
} from './output-schema';

export const ACTION_TYPE_PATTERN = /^[a-z0-9_-]+$/;
export const MAX_ACTIONS_PER_PLUGIN = 500;
/** Upper bound of an action's own `timeout_ms`; the server's PLUGIN_TIMEOUT_MAX_MS caps it further. */
export const MAX_ACTION_TIMEOUT_MS = 300_000;

export const ZActionTypeSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(ACTION_TYPE_PATTERN, 'must contain only lowercase letters, digits, "_" and "-"');

export const ZCategorySchema = z
  .string()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .regex(ACTION_TYPE_PATTERN, 'must contain only lowercase letters, digits, "_" and "-"');

export const ZFieldNameSchema = storableString()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .regex(/^\S+$/, 'must not contain whitespace');

/**
 * A path below the plugin's `api_endpoint`: it starts with one `/`, and cannot climb out of the
 * plugin's base path or name another host.
 */
export const ZActionEndpointSchema = storableString()
  .max(500, 'must be at most 500 characters')
  .regex(/^\/(?!\/)/, 'must be a path starting with "/" (relative to the plugin\'s api_endpoint)')
  .refine((path) => !/[\s\\]/.test(path), 'must not contain whitespace or backslashes')
  // URL parsers treat `%2e` as `.`, so `/%2e%2e/` climbs just like `/../`.
  .refine(
    (path) => !/(^|\/)(\.|%2e){1,2}(\/|$|\?|#)/i.test(path),
    'must not contain "." or ".." segments',
  );

const ZFieldListSchema = z
  .array(ZFieldNameSchema)
  .max(100, 'must list at most 100 fields')
  .refine((fields) => new Set(fields).size === fields.length, 'must not list a field twice');

/**
 * An action definition as stored and answered: the field lists always present, `input_schema`
 * only when the plugin registered one (without it, any value of a listed field is accepted).
 */
export const ZActionDefinitionFieldsSchema = z.strictObject({
  action_type: ZActionTypeSchema,
  title: storableString()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
  description: storableString().max(2000, 'must be at most 2000 characters').optional(),
  category: ZCategorySchema.default('general'),
  required_fields: ZFieldListSchema,
  optional_fields: ZFieldListSchema.default([]),
  endpoint: ZActionEndpointSchema,
  /** Deadline of one call to this action, when it needs another than the server's default. */
  timeout_ms: z
    .number()
    .int('must be a whole number of milliseconds')
    .min(1, 'must be at least 1')
    .max(MAX_ACTION_TIMEOUT_MS, `must be at most ${MAX_ACTION_TIMEOUT_MS}`)
    .optional(),
  /** JSON Schema of the payload (the subset `z.toJSONSchema` emits); dispatch enforces it. */
  input_schema: ZInputSchemaSchema.optional(),
  /** JSON Schema of a successful answer; dispatch records answers that do not fit it. */
  output_schema: ZOutputSchemaSchema.optional(),
  output_example: ZOutputExampleSchema.optional(),
  /** Valid payloads, each with the events to run first; they must fit the input schema. */
  examples: ZActionExamplesSchema.optional(),
  // Hints for callers (MCP tool annotations); absent means unknown, never false.
  read_only: z
    .boolean()
    .meta({ description: 'The action changes nothing: it only reads.' })
    .optional(),
  destructive: z
    .boolean()
    .meta({ description: 'The action may delete or overwrite data.' })
    .optional(),
  idempotent: z
    .boolean()
    .meta({ description: 'Calling it again with the same payload has no further effect.' })
    .optional(),
  /**
   * The action takes dry runs: it is called with `webhook-dry-run: true`, and must then check
   * the call and answer what it would do without doing it. Others are not called on a dry run.
   */
  supports_dry_run: z.boolean().optional(),
  /** Callers should move off the action: dispatch still runs it, and says so in `warnings`. */
  deprecated: z.boolean().optional(),
  /** The action_type to use instead (with `deprecated`). */
  replaced_by: ZActionTypeSchema.optional(),
  /** The day the action may go (with `deprecated`): removing it after that is not breaking. */
  sunset: z.iso.date('must be a date like 2027-06-30').optional(),
});

export type ActionDefinition = z.output<typeof ZActionDefinitionFieldsSchema>;

/**
 * What a plugin tells the registry about one action it performs: the single source of truth.
 * With an `input_schema`, the field lists may be left out: they are derived from it (required =
 * `required`, optional = the other properties), and must agree with it when given.
 */
export const ZActionDefinitionSchema = ZActionDefinitionFieldsSchema.extend({
  required_fields: ZFieldListSchema.optional(),
  optional_fields: ZFieldListSchema.optional(),
  input_schema: ZInputSchemaRequestSchema.optional(),
  output_schema: ZOutputSchemaRequestSchema.optional(),
}).transform((action, ctx): ActionDefinition => {
  const { input_schema: schema } = action;
  if (schema === undefined) {
    if (action.required_fields === undefined) {
      ctx.addIssue({ code: 'custom', path: ['required_fields'], message: 'is required' });
      return z.NEVER;
    }
    const required = new Set(action.required_fields);
    const optional = action.optional_fields ?? [];
    optional.forEach((field, index) => {
      if (required.has(field)) {
        ctx.addIssue({
          code: 'custom',
          path: ['optional_fields', index],
          message: `"${field}" is already listed in required_fields`,
        });
      }
    });
    // Parsed keys already follow the shape; only an added optional_fields needs placing.
    return action.optional_fields === undefined
      ? inFieldOrder({ ...action, optional_fields: optional })
      : (action as ActionDefinition);
  }
  const derived = fieldsOfInputSchema(schema);
  for (const key of ['required_fields', 'optional_fields'] as const) {
    const given = action[key];
    if (given !== undefined && !sameFields(given, derived[key])) {
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `must list the same fields as input_schema (${JSON.stringify(derived[key])}), or be left out`,
      });
    }
  }
  return inFieldOrder({ ...action, ...derived });
});

const FIELD_ORDER = Object.keys(ZActionDefinitionFieldsSchema.shape);

/** Keys in one order, so equal definitions serialize equally (re-registration diffs compare JSON). */
function inFieldOrder(action: Record<string, unknown>): ActionDefinition {
  return Object.fromEntries(
    FIELD_ORDER.filter((key) => action[key] !== undefined).map((key) => [key, action[key]]),
  ) as ActionDefinition;
}

export type ActionDefinitionInput = z.input<typeof ZActionDefinitionSchema>;

/**
 * The schema an action's payloads must fit: the registered one, or the one its field lists
 * imply (every field, of any type) — for tools that generate or check payloads.
 */
export function actionInputSchema(
  action: Pick<ActionDefinition, 'required_fields' | 'optional_fields' | 'input_schema'>,
): InputSchema {
  if (action.input_schema) return action.input_schema;
  const fields = [...action.required_fields, ...action.optional_fields];
  return {
    type: 'object',
    properties: Object.fromEntries(fields.map((field) => [field, {}])),
    required: [...action.required_fields],
  };
}

/** The field lists an input schema implies: its `required`, and its other properties. */
export function fieldsOfInputSchema(schema: InputSchema) {
  const required = schema.required ?? [];
  return {
    required_fields: [...required],
    optional_fields: Object.keys(schema.properties).filter((field) => !required.includes(field)),
  };
}

function sameFields(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a);
  return a.length === b.length && b.every((field) => set.has(field));
}
