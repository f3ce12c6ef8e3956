import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type ActionUnderTest, validationCases } from './validation-cases';

function casesFor(input: z.ZodObject) {
  const input_schema = z.toJSONSchema(input, { io: 'input' }) as ActionUnderTest['input_schema'];
  const action: ActionUnderTest = {
    action_type: 'award_points',
    endpoint: '/actions/award-points',
    required_fields: Object.keys(input.shape),
    optional_fields: [],
    input_schema,
  };
  return validationCases(action).map(({ name, expect, payload }) => ({ name, expect, payload }));
}

describe('validation cases at the schema edges', () => {
  it('[VALIDATOR][EDGES]: a positive integer is tried at 1 (accepted) and 0 (refused), not at the int range', () => {
    const cases = casesFor(z.object({ points: z.int().positive(), note: z.string() }));
    const points = cases.filter(({ name }) => name.startsWith('points '));
    expect(points).toContainEqual(
      expect.objectContaining({
        expect: 'accepted',
        payload: expect.objectContaining({ points: 1 }),
      }),
    );
    expect(points).toContainEqual(
      expect.objectContaining({
        expect: 'rejected',
        payload: expect.objectContaining({ points: 0 }),
      }),
    );
    expect(points.some(({ name }) => name.includes('9007199254740991'))).toBe(false);
  });

  it('[VALIDATOR][EDGES]: lengths, minItems, enum outsiders, formats and multipleOf', () => {
    const cases = casesFor(
      z.object({
        code: z.string().min(2).max(4),
        tags: z.array(z.string()).min(1),
        tier: z.enum(['gold', 'silver']),
        email: z.email(),
        amount: z.number().multipleOf(0.5),
      }),
    );
    const names = cases.map(({ name, expect }) => `${expect}: ${name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'accepted: code 2 characters, its minLength',
        'rejected: code 1 character (minLength 2)',
        'accepted: code 4 characters, its maxLength',
        'rejected: code 5 characters (maxLength 4)',
        'rejected: tags 0 items (minItems 1)',
        'rejected: tier "gold-outsider", not one of the enum',
        'rejected: email "not a valid email!", not in format email',
        'rejected: amount 0.75, not a multiple of 0.5',
      ]),
    );
  });

  it('[VALIDATOR][EDGES]: every accepted edge passes the zod schema, every outsider fails it', () => {
    const input = z.object({
      points: z.int().positive().max(100),
      ratio: z.number().gt(0).lt(1),
      code: z.string().min(2).max(4),
      tags: z.array(z.string()).min(2),
      tier: z.enum(['gold', 'silver']),
      email: z.email(),
      step: z.int().multipleOf(5),
    });
    for (const { name, expect: expected, payload } of casesFor(input)) {
      expect(input.safeParse(payload).success, name).toBe(expected === 'accepted');
    }
  });
});
