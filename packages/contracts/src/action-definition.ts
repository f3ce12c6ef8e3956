import { z } from 'zod';
import { storableString } from './json-value';

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

/** The fields of an action definition, before cross-field rules (for derived schemas). */
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
});

/** What a plugin tells the registry about one action it performs: the single source of truth. */
export const ZActionDefinitionSchema = ZActionDefinitionFieldsSchema.superRefine((action, ctx) => {
  const required = new Set(action.required_fields);
  action.optional_fields.forEach((field, index) => {
    if (required.has(field)) {
      ctx.addIssue({
        code: 'custom',
        path: ['optional_fields', index],
        message: `"${field}" is already listed in required_fields`,
      });
    }
  });
});

export type ActionDefinition = z.output<typeof ZActionDefinitionSchema>;
export type ActionDefinitionInput = z.input<typeof ZActionDefinitionSchema>;
