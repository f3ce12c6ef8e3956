import {
  type ActionDefinition,
  type ActionDefinitionInput,
  type JsonSchemaNode,
  ZActionDefinitionSchema,
} from '@registry/contracts';
import { describe, expect, it } from 'vitest';
import { breakingChanges } from './breaking-changes';
import { diffRegistrations } from './diff-registrations';

const action = (overrides: Partial<ActionDefinitionInput> = {}): ActionDefinition =>
  ZActionDefinitionSchema.parse({
    action_type: 'refund',
    title: 'Refund',
    endpoint: '/refund',
    required_fields: ['order_id'],
    ...overrides,
  });

/** An action whose payload has one optional field `f` of the given schema. */
const withField = (f: JsonSchemaNode) =>
  action({ required_fields: undefined, input_schema: { type: 'object', properties: { f } } });

/** Each row: the field's schema before and after, and whether callers can break. */
type Row = [string, JsonSchemaNode, JsonSchemaNode, 'breaking' | 'not breaking'];

const KEYWORD_ROWS: Record<string, Row[]> = {
  type: [
    ['any → string', {}, { type: 'string' }, 'breaking'],
    ['number → integer', { type: 'number' }, { type: 'integer' }, 'breaking'],
    ['string → number', { type: 'string' }, { type: 'number' }, 'breaking'],
    ['[string, null] → string', { type: ['string', 'null'] }, { type: 'string' }, 'breaking'],
    ['integer → number', { type: 'integer' }, { type: 'number' }, 'not breaking'],
    ['string → [string, null]', { type: 'string' }, { type: ['string', 'null'] }, 'not breaking'],
    ['string → any', { type: 'string' }, {}, 'not breaking'],
  ],
  enum: [
    ['string → enum', { type: 'string' }, { type: 'string', enum: ['a'] }, 'breaking'],
    ['value removed', { enum: ['a', 'b'] }, { enum: ['a'] }, 'breaking'],
    ['value added', { enum: ['a'] }, { enum: ['a', 'b'] }, 'not breaking'],
    ['enum dropped', { enum: ['a'] }, {}, 'not breaking'],
  ],
  const: [
    ['added', { type: 'string' }, { const: 'x' }, 'breaking'],
    ['changed', { const: 'x' }, { const: 'y' }, 'breaking'],
    ['dropped', { const: 'x' }, {}, 'not breaking'],
  ],
  pattern: [
    ['added', { type: 'string' }, { type: 'string', pattern: '^a' }, 'breaking'],
    ['changed', { pattern: '^a' }, { pattern: '^b' }, 'breaking'],
    ['dropped', { pattern: '^a' }, {}, 'not breaking'],
  ],
  format: [
    ['added', { type: 'string' }, { type: 'string', format: 'email' }, 'breaking'],
    ['dropped', { format: 'email' }, {}, 'not breaking'],
  ],
  maximum: [
    ['lowered', { maximum: 100 }, { maximum: 50 }, 'breaking'],
    ['added', {}, { maximum: 50 }, 'breaking'],
    ['raised', { maximum: 50 }, { maximum: 100 }, 'not breaking'],
  ],
  exclusiveMaximum: [
    ['lowered', { exclusiveMaximum: 10 }, { exclusiveMaximum: 5 }, 'breaking'],
    ['raised', { exclusiveMaximum: 5 }, { exclusiveMaximum: 10 }, 'not breaking'],
  ],
  minimum: [
    ['raised', { minimum: 0 }, { minimum: 1 }, 'breaking'],
    ['added', {}, { minimum: 1 }, 'breaking'],
    ['lowered', { minimum: 1 }, { minimum: 0 }, 'not breaking'],
  ],
  exclusiveMinimum: [
    ['raised', { exclusiveMinimum: 0 }, { exclusiveMinimum: 1 }, 'breaking'],
    ['dropped', { exclusiveMinimum: 0 }, {}, 'not breaking'],
  ],
  maxLength: [
    ['lowered', { maxLength: 10 }, { maxLength: 5 }, 'breaking'],
    ['raised', { maxLength: 5 }, { maxLength: 10 }, 'not breaking'],
  ],
  minLength: [
    ['raised', { minLength: 1 }, { minLength: 2 }, 'breaking'],
    ['lowered', { minLength: 2 }, { minLength: 1 }, 'not breaking'],
  ],
  multipleOf: [
    ['added', { type: 'number' }, { multipleOf: 2 }, 'breaking'],
    ['coarser', { multipleOf: 2 }, { multipleOf: 4 }, 'breaking'],
    ['finer', { multipleOf: 4 }, { multipleOf: 2 }, 'not breaking'],
  ],
  maxItems: [
    ['lowered', { maxItems: 3 }, { maxItems: 2 }, 'breaking'],
    ['raised', { maxItems: 2 }, { maxItems: 3 }, 'not breaking'],
  ],
  minItems: [
    ['raised', { minItems: 0 }, { minItems: 1 }, 'breaking'],
    ['dropped', { minItems: 1 }, {}, 'not breaking'],
  ],
  uniqueItems: [
    ['required', { type: 'array' }, { type: 'array', uniqueItems: true }, 'breaking'],
    ['dropped', { uniqueItems: true }, {}, 'not breaking'],
  ],
  items: [
    ['narrowed', { items: { type: 'number' } }, { items: { type: 'integer' } }, 'breaking'],
    ['forbidden', { type: 'array' }, { items: false }, 'breaking'],
    ['widened', { items: { type: 'integer' } }, { items: { type: 'number' } }, 'not breaking'],
  ],
  prefixItems: [
    ['added', { type: 'array' }, { prefixItems: [{ type: 'string' }] }, 'breaking'],
    ['widened', { prefixItems: [{ type: 'integer' }] }, { prefixItems: [{}] }, 'not breaking'],
  ],
  properties: [
    [
      'nested field removed',
      { type: 'object', properties: { a: {} } },
      { type: 'object', properties: {} },
      'breaking',
    ],
    [
      'nested field narrowed',
      { properties: { a: { type: 'number' } } },
      { properties: { a: { type: 'integer' } } },
      'breaking',
    ],
    [
      'nested optional field added',
      { properties: {} },
      { properties: { b: { type: 'string' } } },
      'not breaking',
    ],
  ],
  required: [
    [
      'nested field made required',
      { properties: { a: {} } },
      { properties: { a: {} }, required: ['a'] },
      'breaking',
    ],
    [
      'nested field made optional',
      { properties: { a: {} }, required: ['a'] },
      { properties: { a: {} } },
      'not breaking',
    ],
  ],
  additionalProperties: [
    ['refused', { type: 'object' }, { type: 'object', additionalProperties: false }, 'breaking'],
    ['typed', {}, { additionalProperties: { type: 'string' } }, 'breaking'],
    ['allowed again', { additionalProperties: false }, {}, 'not breaking'],
  ],
  propertyNames: [
    ['added', { type: 'object' }, { propertyNames: { pattern: '^a' } }, 'breaking'],
    ['dropped', { propertyNames: { pattern: '^a' } }, {}, 'not breaking'],
  ],
  anyOf: [
    [
      'variant removed',
      { anyOf: [{ type: 'string' }, { type: 'number' }] },
      { anyOf: [{ type: 'string' }] },
      'breaking',
    ],
    [
      'variant added',
      { anyOf: [{ type: 'string' }] },
      { anyOf: [{ type: 'string' }, { type: 'number' }] },
      'not breaking',
    ],
  ],
  oneOf: [
    ['added to any', {}, { oneOf: [{ type: 'string' }] }, 'breaking'],
    [
      'variant widened',
      { oneOf: [{ type: 'integer' }] },
      { oneOf: [{ type: 'number' }] },
      'not breaking',
    ],
  ],
  allOf: [
    ['condition added', {}, { allOf: [{ minimum: 1 }] }, 'breaking'],
    ['condition dropped', { allOf: [{ minimum: 1 }] }, {}, 'not breaking'],
  ],
  not: [
    ['added', {}, { not: { const: 'x' } }, 'breaking'],
    ['dropped', { not: { const: 'x' } }, {}, 'not breaking'],
  ],
  annotations: [
    ['title', { title: 'A' }, { title: 'B' }, 'not breaking'],
    ['description', { description: 'A' }, { description: 'B' }, 'not breaking'],
    ['default', { default: 1 }, { default: 2 }, 'not breaking'],
    ['$schema', {}, { $schema: 'https://json-schema.org/draft/2020-12/schema' }, 'not breaking'],
    ['unknown keyword', {}, { 'x-ui': 'wide', examples: ['a'] }, 'not breaking'],
  ],
};

describe('breaking changes, keyword by keyword', () => {
  for (const [keyword, rows] of Object.entries(KEYWORD_ROWS)) {
    it.each(rows)(`[REGISTRY][BREAKING]: ${keyword}: %s is %s`, (_, before, after, verdict) => {
      const changes = breakingChanges([withField(before)], [withField(after)]);
      if (verdict === 'not breaking') expect(changes).toEqual([]);
      else {
        expect(changes.length).toBeGreaterThan(0);
        expect(changes.every((c) => c.path.startsWith('input_schema.properties.f'))).toBe(true);
        expect(changes[0]).toMatchObject({ action_type: 'refund' });
      }
    });
  }
});

describe('breaking changes to actions and their field lists', () => {
  it('[REGISTRY][BREAKING]: an action removed, or its endpoint changed, breaks its callers', () => {
    const other = action({ action_type: 'other' });
    expect(breakingChanges([action(), other], [other])).toEqual([
      { action_type: 'refund', change: 'action_removed', path: '', detail: 'action removed' },
    ]);
    expect(breakingChanges([action()], [action({ endpoint: '/v2/refund' })])).toEqual([
      {
        action_type: 'refund',
        change: 'endpoint_changed',
        path: 'endpoint',
        detail: 'endpoint changed from /refund to /v2/refund',
      },
    ]);
  });

  it('[REGISTRY][BREAKING]: required field added, optional made required, field removed — from field lists', () => {
    const before = action({ required_fields: ['order_id'], optional_fields: ['note', 'reason'] });
    const after = action({ required_fields: ['order_id', 'note', 'amount'], optional_fields: [] });
    expect(breakingChanges([before], [after]).map((c) => [c.change, c.path])).toEqual([
      ['field_made_required', 'input_schema.properties.note'],
      ['required_field_added', 'input_schema.properties.amount'],
      ['field_removed', 'input_schema.properties.reason'],
    ]);
  });

  it('[REGISTRY][BREAKING]: actions and optional fields added, metadata changed: nothing breaks', () => {
    const before = action({ description: 'Refunds', category: 'billing' });
    const after = action({
      title: 'Refund an order',
      description: 'Refunds an order',
      category: 'payments',
      optional_fields: ['note'],
      timeout_ms: 5000,
      supports_dry_run: true,
    });
    expect(breakingChanges([before], [after, action({ action_type: 'new_one' })])).toEqual([]);
  });

  it('[REGISTRY][BREAKING]: output schemas and hints are metadata, never breaking', () => {
    const before = action({
      output_schema: { type: 'object', properties: { id: { type: 'string' } } },
      read_only: false,
    });
    const after = action({
      output_schema: { type: 'object', properties: { id: { type: 'integer' } } },
      output_example: { id: 1 },
      read_only: true,
      destructive: false,
      idempotent: true,
    });
    expect(breakingChanges([before], [after])).toEqual([]);
  });

  it('[REGISTRY][BREAKING]: examples added, changed or removed are metadata, never breaking', () => {
    const example = (points: number) => ({
      name: 'first refund',
      payload: { order_id: 'o1', points },
      setup: [{ action_type: 'other', payload: {} }],
    });
    const plain = action({ required_fields: ['order_id'], optional_fields: ['points'] });
    const withExample = action({ ...plain, examples: [example(5)] });
    const changed = action({ ...plain, examples: [example(7), { payload: { order_id: 'o2' } }] });
    expect(breakingChanges([plain], [withExample])).toEqual([]);
    expect(breakingChanges([withExample], [changed])).toEqual([]);
    expect(breakingChanges([changed], [plain])).toEqual([]);
    // The history still shows what changed: the examples, as one value.
    expect(diffRegistrations([withExample], [changed]).changed).toEqual([
      {
        action_type: 'refund',
        changes: [expect.objectContaining({ path: 'examples', change: 'changed' })],
      },
    ]);
  });

  it('[REGISTRY][BREAKING]: field lists replaced by an input_schema typing the fields is a narrowing', () => {
    const typed = action({
      required_fields: undefined,
      input_schema: {
        type: 'object',
        properties: { order_id: { type: 'string' } },
        required: ['order_id'],
      },
    });
    expect(breakingChanges([action()], [typed])).toEqual([
      expect.objectContaining({
        change: 'schema_narrowed',
        path: 'input_schema.properties.order_id',
      }),
    ]);
    expect(breakingChanges([typed], [action()])).toEqual([]);
  });
});

describe('deprecation and breaking changes', () => {
  const now = new Date('2027-03-01T12:00:00Z');
  const deprecated = (sunset?: string) =>
    action({ deprecated: true, replaced_by: 'refund_v2', ...(sunset ? { sunset } : {}) });

  it('[REGISTRY][BREAKING]: deprecating an action is not breaking', () => {
    expect(breakingChanges([action()], [deprecated('2027-06-30')], now)).toEqual([]);
  });

  it('[REGISTRY][BREAKING]: removing a deprecated action is breaking until its sunset day has passed', () => {
    const removal = (sunset?: string) =>
      breakingChanges([deprecated(sunset)], [], now).map((c) => c.change);
    expect(removal('2027-02-28')).toEqual([]);
    expect(removal('2027-03-01')).toEqual(['action_removed']);
    expect(removal('2027-06-30')).toEqual(['action_removed']);
    expect(removal()).toEqual(['action_removed']);
  });
});
