import { missingRequiredFields, ZAutomationEventSchema } from '@registry/contracts';
import { z } from 'zod';
import { type PayloadField, parseTypedFieldValue } from './payload-field';

const ZPayloadSchema = ZAutomationEventSchema.shape.payload;

/** The payload the texts typed for `fields` make: blank fields are left out. */
export function payloadFromFieldValues(
  fields: readonly PayloadField[],
  values: readonly string[],
): Record<string, unknown> {
  return Object.fromEntries(
    fields.flatMap((field, index) => {
      const value = parseTypedFieldValue(field, values[index] ?? '');
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
        const value = parseTypedFieldValue(field, values[index] ?? '');
        const problem =
          field.required && value == null ? 'is required' : typedValueProblem(field, value);
        if (problem) ctx.addIssue({ code: 'custom', path: ['values', index], message: problem });
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

/** What the form can tell about a typed value before sending it; dispatch checks the rest. */
function typedValueProblem(field: PayloadField, value: unknown): string | undefined {
  if (typeof value !== 'number') return undefined;
  if (Number.isNaN(value)) return 'must be a number';
  if (field.kind === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
  return undefined;
}
