import { z } from 'zod';
import { ZAutomationEventSchema } from './automation';
import { missingRequiredFields } from './required-fields';

/** One field of a test-fire form, from an action's `required_fields` and `optional_fields`. */
export interface PayloadField {
  name: string;
  required: boolean;
}

const ZPayloadSchema = ZAutomationEventSchema.shape.payload;

/**
 * A value as an operator types it: JSON where it parses (`0`, `true`, `{"a": 1}`, `"0"`), else
 * the text itself, so plain words need no quotes. Blank means "not given".
 */
export function parseFieldValue(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The inverse of `parseFieldValue`: text that reads back as the same value. */
export function formatFieldValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && parseFieldValue(value) === value) return value;
  return JSON.stringify(value);
}

/** The payload the texts typed for `fields` make: blank fields are left out. */
export function payloadFromFieldValues(
  fields: readonly PayloadField[],
  values: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    fields.flatMap((field, index) => {
      const value = parseFieldValue(values[index] ?? '');
      return value === undefined ? [] : [[field.name, value]];
    }),
  );
}

/** The field-by-field form: `values[i]` is the text typed for `fields[i]`; out comes the payload. */
export function payloadFieldsFormSchema(fields: readonly PayloadField[]) {
  return z
    .object({ values: z.array(z.string()).length(fields.length) })
    .superRefine(({ values }, ctx) => {
      fields.forEach((field, index) => {
        if (field.required && parseFieldValue(values[index] ?? '') == null) {
          ctx.addIssue({ code: 'custom', path: ['values', index], message: 'is required' });
        }
      });
    })
    .transform(({ values }): Record<string, unknown> | undefined =>
      payloadFromFieldValues(fields, values),
    )
    .pipe(ZPayloadSchema);
}

/** The raw-JSON form: one JSON object holding the whole payload, required fields present. */
export function rawPayloadFormSchema(required: readonly string[]) {
  return z.object({
    json: z
      .string()
      .transform((text, ctx) => {
        try {
          return JSON.parse(text) as unknown;
        } catch (error) {
          ctx.addIssue({
            code: 'custom',
            message: `is not valid JSON (${(error as Error).message})`,
          });
          return z.NEVER;
        }
      })
      .pipe(ZPayloadSchema)
      .superRefine((payload, ctx) => {
        const missing = missingRequiredFields(required, payload);
        if (missing.length > 0) {
          ctx.addIssue({ code: 'custom', message: `is missing required ${missing.join(', ')}` });
        }
      }),
  });
}
