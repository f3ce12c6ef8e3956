import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  formatFieldValue,
  parseFieldValue,
  payloadFieldsFormSchema,
  rawPayloadFormSchema,
} from './action-payload-form';
import { summarizeIssues, toValidationIssues } from './validation-issues';

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
});
