import { describe, expect, it } from 'vitest';
import { fieldSummary } from './field-summary';

describe('fieldSummary', () => {
  it.each([
    [undefined, 'any value'],
    [{ type: 'number', exclusiveMinimum: 0 }, 'number, > 0'],
    [{ type: 'integer', minimum: 1, maximum: 10 }, 'integer, ≥ 1, ≤ 10'],
    [
      { type: 'string', enum: ['standard', 'express'], default: 'standard' },
      'one of "standard", "express", default "standard"',
    ],
    [{ type: ['string', 'null'], format: 'email' }, 'string or null (email)'],
    [{ type: 'string', minLength: 1, maxLength: 200 }, 'string, 1–200 characters'],
    [{ type: 'array', items: { type: 'string' }, maxItems: 5 }, 'array of string, at most 5 items'],
    [{ type: 'string', pattern: '^[A-Z]+$' }, 'string, matching ^[A-Z]+$'],
    [{ const: 'v1' }, 'always "v1"'],
    [{ type: 'string', minLength: 1 }, 'string, not empty'],
    [{ type: 'array', minItems: 1 }, 'array, at least 1 item'],
    [{ type: 'string', format: 'email', pattern: '^[^@]+@[^@]+$' }, 'string (email)'],
    [{ type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER }, 'integer, ≥ 1'],
  ] as const)('[WEB][PLUGINS]: %j reads "%s"', (property, summary) => {
    expect(fieldSummary(property as never)).toBe(summary);
  });
});
