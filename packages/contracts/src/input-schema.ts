import { z } from 'zod';
import { exceedsJsonDepth, hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './json-value';

/** Bounds of one action's `input_schema`: it is stored with every registration and compiled. */
export const MAX_INPUT_SCHEMA_BYTES = 64 * 1024;
export const MAX_INPUT_SCHEMA_DEPTH = 32;
export const MAX_INPUT_SCHEMA_PROPERTIES = 100;

export const JSON_SCHEMA_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
] as const;
export type JsonSchemaType = (typeof JSON_SCHEMA_TYPES)[number];

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

/**
 * One node of the JSON Schema subset `z.toJSONSchema` emits (draft 2020-12). Keywords outside
 * the subset are kept and ignored, as JSON Schema itself treats unknown keywords.
 */
export interface JsonSchemaNode {
  $schema?: string;
  type?: JsonSchemaType | JsonSchemaType[];
  description?: string;
  default?: JsonValue;
  enum?: JsonValue[];
  const?: JsonValue;
  format?: string;
  pattern?: string;
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  additionalProperties?: boolean | JsonSchemaNode;
  items?: boolean | JsonSchemaNode;
  prefixItems?: JsonSchemaNode[];
  anyOf?: JsonSchemaNode[];
  [keyword: string]: JsonValue | JsonSchemaNode | JsonSchemaNode[] | undefined;
}

/** An action's input schema: an object schema whose properties are the payload's fields. */
export interface InputSchema extends JsonSchemaNode {
  type: 'object';
  properties: Record<string, JsonSchemaNode>;
}

const isJsonSchemaType = (value: unknown): value is JsonSchemaType =>
  (JSON_SCHEMA_TYPES as readonly unknown[]).includes(value);

/**
 * A value of JSON type `T`, checked by the caller's refinements only. Built on `z.unknown()`,
 * not `z.custom()`, so the contracts holding it stay representable as JSON Schema (OpenAPI).
 */
const jsonOf = <T>() => z.unknown() as unknown as z.ZodType<T, T>;

const ZTypeKeywordSchema = jsonOf<JsonSchemaType | JsonSchemaType[]>().refine(
  (value) =>
    isJsonSchemaType(value) ||
    (Array.isArray(value) && value.length > 0 && value.every(isJsonSchemaType)),
  `must be one of ${JSON_SCHEMA_TYPES.map((type) => `"${type}"`).join(', ')}, or a list of them`,
);

const ZPatternSchema = z.string().refine((pattern) => {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}, 'must be a valid regular expression');

const bound = () => z.number().int('must be a whole number').min(0, 'must be at least 0');
const ZSchemaListSchema = (): z.ZodType<JsonSchemaNode[], JsonSchemaNode[]> =>
  z.array(ZJsonSchemaNodeSchema).min(1, 'must not be empty');

// Values arrive as parsed JSON; keywords outside the subset are kept, unchecked.
const ZAnyJsonSchema = jsonOf<JsonValue>();

export const ZJsonSchemaNodeSchema: z.ZodType<JsonSchemaNode, JsonSchemaNode> = z
  .object({
    $schema: z.string().optional(),
    type: ZTypeKeywordSchema.optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    default: ZAnyJsonSchema.optional(),
    enum: z.array(ZAnyJsonSchema).min(1, 'must not be empty').optional(),
    const: ZAnyJsonSchema.optional(),
    format: z.string().optional(),
    pattern: ZPatternSchema.optional(),
    minLength: bound().optional(),
    maxLength: bound().optional(),
    minimum: z.number().optional(),
    maximum: z.number().optional(),
    exclusiveMinimum: z.number().optional(),
    exclusiveMaximum: z.number().optional(),
    multipleOf: z.number().positive('must be greater than 0').optional(),
    minItems: bound().optional(),
    maxItems: bound().optional(),
    uniqueItems: z.boolean().optional(),
    required: z.array(z.string()).optional(),
    get properties() {
      return z.record(z.string(), ZJsonSchemaNodeSchema).optional();
    },
    get additionalProperties() {
      return z.union([z.boolean(), ZJsonSchemaNodeSchema]).optional();
    },
    get propertyNames() {
      return ZJsonSchemaNodeSchema.optional();
    },
    get items() {
      return z.union([z.boolean(), ZJsonSchemaNodeSchema]).optional();
    },
    get prefixItems() {
      return ZSchemaListSchema().optional();
    },
    get anyOf() {
      return ZSchemaListSchema().optional();
    },
    get oneOf() {
      return ZSchemaListSchema().optional();
    },
    get allOf() {
      return ZSchemaListSchema().optional();
    },
    get not() {
      return ZJsonSchemaNodeSchema.optional();
    },
  })
  .catchall(ZAnyJsonSchema);

const ZInputSchemaRootSchema = z
  .object({
    type: z.literal('object', 'must be "object": a payload is a JSON object'),
    properties: z
      // Each property was checked as a node already.
      .record(z.string(), jsonOf<JsonSchemaNode>())
      .refine(
        (properties) => Object.keys(properties).length <= MAX_INPUT_SCHEMA_PROPERTIES,
        `must declare at most ${MAX_INPUT_SCHEMA_PROPERTIES} fields`,
      ),
  })
  .catchall(ZAnyJsonSchema)
  .superRefine((schema, ctx) => {
    for (const name of Object.keys(schema.properties)) {
      if (name === '' || name.length > 100 || /\s/.test(name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['properties', name],
          message: 'a field name must be 1-100 characters without whitespace',
        });
      }
    }
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    required.forEach((name, index) => {
      if (!Object.hasOwn(schema.properties, name)) {
        ctx.addIssue({
          code: 'custom',
          path: ['required', index],
          message: `"${name}" is not one of the properties`,
        });
      }
    });
  });

/**
 * A registered JSON Schema (an action's `input_schema` or `output_schema`): bounded in size and
 * depth before its keywords are checked, so an adversarial schema costs little to refuse; then
 * its root is checked by `root`.
 */
export function boundedJsonSchema<T extends JsonSchemaNode>(
  root: z.ZodType<T, JsonSchemaNode>,
): z.ZodType<T, T> {
  return (
    z
      .object({})
      .catchall(ZAnyJsonSchema)
      .superRefine((schema, ctx) => {
        if (exceedsJsonDepth(schema, MAX_INPUT_SCHEMA_DEPTH)) {
          ctx.addIssue({
            code: 'custom',
            message: `must not nest deeper than ${MAX_INPUT_SCHEMA_DEPTH} levels`,
          });
        } else if (JSON.stringify(schema).length > MAX_INPUT_SCHEMA_BYTES) {
          ctx.addIssue({
            code: 'custom',
            message: `must be at most ${MAX_INPUT_SCHEMA_BYTES / 1024} KiB as JSON`,
          });
        } else if (hasUnstorableText(schema)) {
          ctx.addIssue({ code: 'custom', message: UNSTORABLE_TEXT_MESSAGE });
        }
      })
      // Each stage's output is the next one's input; the casts only restate that for TypeScript.
      .pipe(ZJsonSchemaNodeSchema as z.ZodType<JsonSchemaNode, Record<string, JsonValue>>)
      .pipe(root) as unknown as z.ZodType<T, T>
  );
}

/** An action's `input_schema`. */
export const ZInputSchemaSchema = boundedJsonSchema(
  ZInputSchemaRootSchema as z.ZodType<InputSchema, JsonSchemaNode>,
);

/**
 * The same check, typed for requests: a stored schema, or `z.toJSONSchema`'s result as zod
 * types it, may be passed.
 */
export const ZInputSchemaRequestSchema = ZInputSchemaSchema as unknown as z.ZodType<
  InputSchema,
  InputSchema | z.core.JSONSchema.BaseSchema
>;
