import { z } from 'zod';
import {
  boundedJsonSchema,
  type JsonSchemaNode,
  type JsonValue,
  MAX_INPUT_SCHEMA_BYTES,
} from './input-schema';
import { exceedsJsonDepth, hasUnstorableText, UNSTORABLE_TEXT_MESSAGE } from './json-value';

/** An action's output schema: an object schema, as MCP requires of a tool's `outputSchema`. */
export interface OutputSchema extends JsonSchemaNode {
  type: 'object';
}

const ZOutputSchemaRootSchema = z
  .object({
    type: z.literal('object', 'must be "object": a result with a schema is a JSON object'),
  })
  .catchall(z.unknown()) as unknown as z.ZodType<OutputSchema, JsonSchemaNode>;

/**
 * An action's `output_schema`: what its plugin answers on success. Held to the same bounds and
 * keyword checks as `input_schema`; dispatch checks each answer against it without failing the
 * event (the plugin did the work) and records a mismatch.
 */
export const ZOutputSchemaSchema = boundedJsonSchema(ZOutputSchemaRootSchema);

/** The same check, typed for requests: `z.toJSONSchema`'s result as zod types it may be passed. */
export const ZOutputSchemaRequestSchema = ZOutputSchemaSchema as unknown as z.ZodType<
  OutputSchema,
  OutputSchema | z.core.JSONSchema.BaseSchema
>;

/** An example answer of the action, shown to callers (and checked against `output_schema`). */
export const ZOutputExampleSchema = z
  .unknown()
  .refine((value) => value !== undefined, 'is required')
  .superRefine((value, ctx) => {
    if (exceedsJsonDepth(value, 32)) {
      ctx.addIssue({ code: 'custom', message: 'must not nest deeper than 32 levels' });
    } else if (JSON.stringify(value).length > MAX_INPUT_SCHEMA_BYTES) {
      ctx.addIssue({
        code: 'custom',
        message: `must be at most ${MAX_INPUT_SCHEMA_BYTES / 1024} KiB as JSON`,
      });
    } else if (hasUnstorableText(value)) {
      ctx.addIssue({ code: 'custom', message: UNSTORABLE_TEXT_MESSAGE });
    }
  }) as unknown as z.ZodType<JsonValue, JsonValue>;
