import { z } from 'zod';
import { type JsonValue, MAX_INPUT_SCHEMA_BYTES } from './input-schema';
import { storableJsonObject, storableString } from './json-value';

export const MAX_EXAMPLES_PER_ACTION = 10;
export const MAX_SETUP_EVENTS_PER_EXAMPLE = 10;

type JsonObject = { [key: string]: JsonValue };

/** An example's payload: a JSON object (parsed JSON, so typed as one), at most 64 KiB. */
const ZExamplePayloadSchema = storableJsonObject().refine(
  (payload) => JSON.stringify(payload).length <= MAX_INPUT_SCHEMA_BYTES,
  `must be at most ${MAX_INPUT_SCHEMA_BYTES / 1024} KiB as JSON`,
) as unknown as z.ZodType<JsonObject, JsonObject>;

/** One event an example needs done first: another action of the same plugin, and its payload. */
export const ZSetupEventSchema = z.strictObject({
  // Bounded only: the registration checks that it names one of the plugin's actions.
  action_type: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  payload: ZExamplePayloadSchema,
});
export type SetupEvent = z.output<typeof ZSetupEventSchema>;

/**
 * A valid payload of the action, with the events that must happen first for it to succeed
 * (a redemption needs points awarded). Callers read it as a sample; the validator sends each
 * setup event, then the payload, each expecting a 2xx, before its generated checks.
 * Examples are metadata: changing them never breaks a caller.
 */
export const ZActionExampleSchema = z.strictObject({
  name: storableString()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters')
    .optional(),
  payload: ZExamplePayloadSchema,
  setup: z
    .array(ZSetupEventSchema)
    .max(
      MAX_SETUP_EVENTS_PER_EXAMPLE,
      `must hold at most ${MAX_SETUP_EVENTS_PER_EXAMPLE} setup events`,
    )
    .optional(),
});
export type ActionExample = z.output<typeof ZActionExampleSchema>;

export const ZActionExamplesSchema = z
  .array(ZActionExampleSchema)
  .max(MAX_EXAMPLES_PER_ACTION, `must hold at most ${MAX_EXAMPLES_PER_ACTION} examples`);

/** How reports and lists name an example: its name, else its place. */
export function exampleLabel(example: Pick<ActionExample, 'name'>, index: number): string {
  return example.name === undefined ? `example ${index + 1}` : `example "${example.name}"`;
}
