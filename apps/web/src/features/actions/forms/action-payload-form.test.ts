import { summarizeIssues, toValidationIssues, ZActionDefinitionSchema } from '@registry/contracts';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { z as zod } from 'zod';
import { payloadFieldsFormSchema, rawPayloadFormSchema } from './action-payload-form';
import {
  formatFieldValue,
  formatTypedFieldValue,
  parseFieldValue,
  payloadFieldsOf,
} from './payload-field';

const fields = [
  { name: 'user_id', required: true },
  { name: 'count', required: true },
  { name: 'options.theme', required: false },
];

const problems = (schema: z.ZodType) => (input: unknown) => {
  const parsed = schema.safeParse(input);
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
};

describe('test-fire payload forms', () => {
  it('[CONTRACTS][PAYLOAD-FORM]: values are JSON where they parse, else text; blank is absent', () => {
    expect(parseFieldValue('0')).toBe(0);
    expect(parseFieldValue('true')).toBe(true);
    expect(parseFieldValue('{"a": [1]}')).toEqual({ a: [1] });
    expect(parseFieldValue('"42"')).toBe('42');
    expect(parseFieldValue('jane@example.com')).toBe('jane@example.com');
    expect(parseFieldValue('  ')).toBeUndefined();
    for (const value of [0, false, '', 'text', '42', { a: 1 }, null]) {
      expect(parseFieldValue(formatFieldValue(value))).toEqual(value);
    }
  });

  it('[CONTRACTS][PAYLOAD-FORM]: the field form yields the payload; 0 and false count as given', () => {
    const schema = payloadFieldsFormSchema(fields);
    expect(schema.parse({ values: ['u1', '0', ''] })).toEqual({ user_id: 'u1', count: 0 });
    expect(schema.parse({ values: ['false', '{"n":1}', 'dark'] })).toEqual({
      user_id: false,
      count: { n: 1 },
      'options.theme': 'dark',
    });
    expect(problems(schema)({ values: ['', 'null', ''] })).toBe(
      'values[0]: is required; values[1]: is required',
    );
  });

  it('[CONTRACTS][PAYLOAD-FORM]: raw JSON must be an object holding the required fields', () => {
    const check = problems(rawPayloadFormSchema(['user_id', 'count']));
    expect(check({ json: '{"user_id": "u1", "count": 0}' })).toBe('valid');
    expect(check({ json: '{"user_id": "u1"' })).toMatch(/^json: is not valid JSON \(/);
    expect(check({ json: '[1, 2]' })).toBe('json: must be a JSON object');
    expect(check({ json: '{"user_id": null}' })).toBe('json: is missing required user_id, count');
  });

  it('[CONTRACTS][PAYLOAD-FORM]: without input_schema every field is JSON-typed text, as before', () => {
    const action = ZActionDefinitionSchema.parse({
      action_type: 'a',
      title: 'A',
      endpoint: '/a',
      required_fields: ['sku'],
      optional_fields: ['options'],
    });
    expect(payloadFieldsOf(action)).toEqual([
      { name: 'sku', required: true },
      { name: 'options', required: false },
    ]);
  });

  it('[CONTRACTS][PAYLOAD-FORM]: input_schema types the fields, with choices, defaults and hints', () => {
    const action = ZActionDefinitionSchema.parse({
      action_type: 'order',
      title: 'Order',
      endpoint: '/order',
      input_schema: zod.toJSONSchema(
        zod.object({
          sku: zod.string().describe('Stock keeping unit'),
          quantity: zod.number().int().min(1).default(1),
          price: zod.number().nullable().optional(),
          gift: zod.boolean().optional(),
          channel: zod.enum(['web', 'store']).optional(),
          meta: zod.object({ a: zod.string() }).optional(),
        }),
        { io: 'input' },
      ),
    });
    const fields = payloadFieldsOf(action);
    expect(fields).toEqual([
      { name: 'sku', required: true, kind: 'string', description: 'Stock keeping unit' },
      { name: 'quantity', required: false, kind: 'integer', default: 1 },
      { name: 'price', required: false, kind: 'number' },
      { name: 'gift', required: false, kind: 'boolean' },
      { name: 'channel', required: false, kind: 'choice', choices: ['web', 'store'] },
      { name: 'meta', required: false, kind: 'json' },
    ]);

    const form = payloadFieldsFormSchema(fields);
    const texts = (values: unknown[]) =>
      fields.map((field, index) => formatTypedFieldValue(field, values[index]));
    expect(form.parse({ values: texts(['42', 3, 9.5, false, 'store', { a: 'x' }]) })).toEqual({
      sku: '42',
      quantity: 3,
      price: 9.5,
      gift: false,
      channel: 'store',
      meta: { a: 'x' },
    });
    expect(problems(form)({ values: ['', '2.5', 'abc', '', '', ''] })).toBe(
      'values[0]: is required; values[1]: must be a whole number; values[2]: must be a number',
    );
  });
});
