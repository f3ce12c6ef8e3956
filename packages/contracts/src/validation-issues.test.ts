import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatFieldPath, summarizeIssues, toValidationIssues } from './validation-issues';

const ZProductUpdateSchema = z.strictObject({
  product_id: z.uuid('Product ID required for update'),
  name: z.string().max(10),
  stock: z.number().int().optional(),
  tags: z.array(z.string()).optional(),
});

function issuesOf(input: unknown, reportInput: boolean) {
  const parsed = ZProductUpdateSchema.safeParse(input, { reportInput });
  if (parsed.success) throw new Error('expected the input to be rejected');
  return toValidationIssues(parsed.error);
}

const validProduct = { product_id: '87312788-df51-4002-8eca-9cfc3e3f7d8e', name: 'Mug' };

describe('formatFieldPath', () => {
  it('[CONTRACTS][ISSUES]: reads like property access, with "body" for the root', () => {
    expect(formatFieldPath(['actions', 0, 'action_type'])).toBe('actions[0].action_type');
    expect(formatFieldPath(['events', 12, 'payload', 'cart', 'items', 0])).toBe(
      'events[12].payload.cart.items[0]',
    );
    expect(formatFieldPath(['title'])).toBe('title');
    expect(formatFieldPath([])).toBe('body');
  });
});

describe('toValidationIssues', () => {
  it.each([true, false])(
    '[CONTRACTS][ISSUES]: a missing field reads "is required" (reportInput: %s)',
    (reportInput) => {
      expect(issuesOf({ product_id: validProduct.product_id }, reportInput)).toEqual([
        { field: 'name', message: 'is required' },
      ]);
    },
  );

  it('[CONTRACTS][ISSUES]: a wrong type names the value only when the input is reported', () => {
    expect(issuesOf({ ...validProduct, name: 5 }, true)).toEqual([
      { field: 'name', message: 'expected string, received number 5' },
    ]);
    expect(issuesOf({ ...validProduct, name: 5 }, false)).toEqual([
      { field: 'name', message: 'expected string' },
    ]);
  });

  it('[CONTRACTS][ISSUES]: describes null, arrays, objects and booleans', () => {
    const messages = [null, ['a'], { a: 1 }, true].map(
      (name) => issuesOf({ ...validProduct, name }, true)[0]?.message,
    );
    expect(messages).toEqual([
      'expected string, received null',
      'expected string, received array',
      'expected string, received object',
      'expected string, received boolean true',
    ]);
  });

  it("[CONTRACTS][ISSUES]: keeps a schema's own message", () => {
    expect(issuesOf({ name: 'Mug' }, true)).toEqual([
      { field: 'product_id', message: 'Product ID required for update' },
    ]);
    expect(issuesOf({ ...validProduct, product_id: 'abc' }, false)).toEqual([
      { field: 'product_id', message: 'Product ID required for update' },
    ]);
    expect(issuesOf({ ...validProduct, product_id: 'abc' }, true)).toEqual([
      { field: 'product_id', message: 'Product ID required for update (received "abc")' },
    ]);
  });

  it('[CONTRACTS][ISSUES]: shows long strings shortened', () => {
    const [issue] = issuesOf({ ...validProduct, product_id: 'x'.repeat(100) }, true);
    expect(issue?.message).toBe(`Product ID required for update (received "${'x'.repeat(57)}...")`);
  });

  it('[CONTRACTS][ISSUES]: names nested paths and unknown fields', () => {
    expect(issuesOf({ ...validProduct, tags: ['ok', 7] }, true)).toEqual([
      { field: 'tags[1]', message: 'expected string, received number 7' },
    ]);
    expect(issuesOf({ ...validProduct, colour: 'red' }, true)).toEqual([
      { field: 'body', message: 'unknown field "colour"' },
    ]);
  });

  it('[CONTRACTS][ISSUES]: other checks keep the zod wording and add the offending value', () => {
    expect(issuesOf({ ...validProduct, name: 'x'.repeat(11) }, true)).toEqual([
      {
        field: 'name',
        message: 'Too big: expected string to have <=10 characters (received "xxxxxxxxxxx")',
      },
    ]);
    expect(issuesOf({ ...validProduct, stock: 1.5 }, true)).toEqual([
      { field: 'stock', message: 'expected int, received number 1.5' },
    ]);
  });

  it('[CONTRACTS][ISSUES]: a non-object body is an issue of "body"', () => {
    expect(issuesOf('text', true)).toEqual([
      { field: 'body', message: 'expected object, received "text"' },
    ]);
    expect(issuesOf(undefined, true)).toEqual([{ field: 'body', message: 'is required' }]);
  });
});

describe('summarizeIssues', () => {
  it('[CONTRACTS][ISSUES]: joins field-named messages into one sentence', () => {
    const issues = issuesOf({ product_id: 'abc', name: 5 }, true);
    expect(summarizeIssues(issues)).toBe(
      'product_id: Product ID required for update (received "abc"); ' +
        'name: expected string, received number 5',
    );
    expect(summarizeIssues([])).toBe('');
  });
});
