import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ActionDefinitionInput,
  actionInputSchema,
  ZActionDefinitionSchema,
} from './action-definition';
import { ZDiscoverActionsResponseSchema } from './discovery';
import { MAX_INPUT_SCHEMA_PROPERTIES } from './input-schema';
import { ZRegisterActionsRequestSchema } from './registration';
import { summarizeIssues, toValidationIssues } from './validation-issues';

const base = { action_type: 'send_email', title: 'Send email', endpoint: '/send' };

/** What a plugin SDK sends: the schema exactly as zod 4 writes it. */
const zodSchema = z.toJSONSchema(
  z.object({
    email: z.string().email(),
    count: z.number().int().min(1).default(1),
    kind: z.enum(['a', 'b']).optional(),
    tags: z.array(z.string()).optional(),
  }),
);

function problems(input: unknown): string {
  const parsed = ZActionDefinitionSchema.safeParse(input, { reportInput: true });
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
}

const withSchema = (inputSchema: unknown, extra: Record<string, unknown> = {}) =>
  problems({ ...base, input_schema: inputSchema, ...extra });

describe('input_schema', () => {
  it('[CONTRACTS][SCHEMA]: accepts what z.toJSONSchema emits and derives the field lists', () => {
    // Typed callers (tRPC clients, the plugin SDK) may pass zod's result as it is typed.
    const request: ActionDefinitionInput = { ...base, input_schema: zodSchema };
    const parsed = ZActionDefinitionSchema.parse(request);
    expect(parsed.required_fields).toEqual(['email', 'count']);
    expect(parsed.optional_fields).toEqual(['kind', 'tags']);
    expect(parsed.input_schema).toEqual(zodSchema);
  });

  it('[CONTRACTS][SCHEMA]: accepts zod output for nullable, nested, union, tuple and record fields', () => {
    const schema = z.toJSONSchema(
      z.object({
        note: z.string().nullable(),
        address: z.object({ city: z.string(), zip: z.string().regex(/^\d{5}$/) }),
        id: z.union([z.string(), z.number()]),
        pair: z.tuple([z.string(), z.number()]).optional(),
        scores: z.record(z.string(), z.number()).optional(),
        at: z.iso.datetime().describe('When to send').optional(),
        maybe: z.string().optional().nullable(),
      }),
      { io: 'input' },
    );
    expect(withSchema(schema)).toBe('valid');
  });

  it('[CONTRACTS][SCHEMA]: agreeing field lists are accepted, disagreeing ones are a named error', () => {
    expect(
      withSchema(zodSchema, {
        required_fields: ['count', 'email'],
        optional_fields: ['kind', 'tags'],
      }),
    ).toBe('valid');
    expect(withSchema(zodSchema, { required_fields: ['email'] })).toBe(
      'required_fields: must list the same fields as input_schema (["email","count"]), or be left out',
    );
    expect(withSchema(zodSchema, { optional_fields: ['kind'] })).toBe(
      'optional_fields: must list the same fields as input_schema (["kind","tags"]), or be left out',
    );
  });

  it('[CONTRACTS][SCHEMA]: without input_schema, required_fields stays required and nothing is added', () => {
    expect(problems(base)).toBe('required_fields: is required');
    const parsed = ZActionDefinitionSchema.parse({ ...base, required_fields: ['email'] });
    expect(parsed).toEqual({
      ...base,
      category: 'general',
      required_fields: ['email'],
      optional_fields: [],
    });
  });

  it('[CONTRACTS][SCHEMA]: an action without a schema implies one accepting any value of its fields', () => {
    const plain = ZActionDefinitionSchema.parse({
      ...base,
      required_fields: ['email'],
      optional_fields: ['note'],
    });
    expect(actionInputSchema(plain)).toEqual({
      type: 'object',
      properties: { email: {}, note: {} },
      required: ['email'],
    });
    const typed = ZActionDefinitionSchema.parse({ ...base, input_schema: zodSchema });
    expect(actionInputSchema(typed)).toEqual(zodSchema);
  });

  it('[CONTRACTS][SCHEMA]: a normalized definition parses to itself', () => {
    const once = ZActionDefinitionSchema.parse({ ...base, input_schema: zodSchema });
    expect(ZActionDefinitionSchema.parse(once)).toEqual(once);
  });

  it.each([
    [[], 'input_schema: expected object, received array'],
    [
      { type: 'array', properties: {} },
      'input_schema.type: must be "object": a payload is a JSON object (received "array")',
    ],
    [{ type: 'object' }, 'input_schema.properties: is required'],
    [
      { type: 'object', properties: { email: { type: 'text' } } },
      'input_schema.properties.email.type: must be one of "string", "number", "integer", "boolean", "object", "array", "null", or a list of them (received "text")',
    ],
    [
      { type: 'object', properties: { email: 'string' } },
      'input_schema.properties.email: expected object, received "string"',
    ],
    [
      { type: 'object', properties: { code: { type: 'string', pattern: '([a-z' } } },
      'input_schema.properties.code.pattern: must be a valid regular expression (received "([a-z")',
    ],
    [
      { type: 'object', properties: { n: { type: 'integer', minimum: 'one' } } },
      'input_schema.properties.n.minimum: expected number, received "one"',
    ],
    [
      { type: 'object', properties: { a: {} }, required: ['a', 'b'] },
      'input_schema.required[1]: "b" is not one of the properties',
    ],
    [
      { type: 'object', properties: { 'first name': {} } },
      'input_schema.properties.first name: a field name must be 1-100 characters without whitespace',
    ],
    [
      { type: 'object', properties: { tags: { type: 'array', items: { enum: [] } } } },
      'input_schema.properties.tags.items.enum: must not be empty',
    ],
  ])('[CONTRACTS][SCHEMA]: rejects a bad schema by field (%#)', (schema, message) => {
    expect(withSchema(schema)).toBe(message);
  });

  it('[CONTRACTS][SCHEMA]: a schema is bounded in fields, depth and size', () => {
    const properties = (count: number) =>
      Object.fromEntries(Array.from({ length: count }, (_, i) => [`f${i}`, { type: 'string' }]));
    expect(
      withSchema({ type: 'object', properties: properties(MAX_INPUT_SCHEMA_PROPERTIES) }),
    ).toBe('valid');
    expect(
      withSchema({ type: 'object', properties: properties(MAX_INPUT_SCHEMA_PROPERTIES + 1) }),
    ).toBe('input_schema.properties: must declare at most 100 fields');
    let deep: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < 40; i++) deep = { type: 'object', properties: { a: deep } };
    expect(withSchema(deep)).toBe('input_schema: must not nest deeper than 32 levels');
    const huge = { type: 'object', properties: { a: { description: 'x'.repeat(70_000) } } };
    expect(withSchema(huge)).toBe('input_schema: must be at most 64 KiB as JSON');
  });

  it('[CONTRACTS][SCHEMA]: the contracts holding input_schema stay representable as JSON Schema', () => {
    // The OpenAPI document is generated from them.
    expect(() => z.toJSONSchema(ZRegisterActionsRequestSchema, { io: 'input' })).not.toThrow();
    expect(() => z.toJSONSchema(ZDiscoverActionsResponseSchema)).not.toThrow();
  });
});
