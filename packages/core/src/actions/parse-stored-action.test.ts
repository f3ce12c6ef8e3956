import { actionDefinition } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { parseStoredAction } from './parse-stored-action';

const withSchema = JSON.stringify({
  ...actionDefinition('typed'),
  required_fields: undefined,
  input_schema: {
    type: 'object',
    properties: { quantity: { type: 'integer' }, note: { type: 'string' } },
    required: ['quantity'],
  },
});

describe('parseStoredAction', () => {
  it('[DISCOVER][PARSE]: reads a stored entry as the contract does, fields derived from its schema', () => {
    expect(parseStoredAction(withSchema)).toMatchObject({
      action_type: 'typed',
      category: 'email',
      required_fields: ['quantity'],
      optional_fields: ['note'],
    });
  });

  it('[DISCOVER][PARSE]: the same stored text is parsed once; its result is shared, read-only', () => {
    const first = parseStoredAction(withSchema);
    // Text equal to the first, built apart from it: remembered by content, not by identity.
    const again = parseStoredAction(JSON.stringify(JSON.parse(withSchema)));
    expect(again).toBe(first);
    expect(Object.isFrozen(first?.input_schema?.properties)).toBe(true);
    const changed = parseStoredAction(withSchema.replace('"integer"', '"number"'));
    expect(changed).not.toBe(first);
    expect(changed?.input_schema?.properties.quantity).toEqual({ type: 'number' });
  });

  it('[DISCOVER][PARSE]: an entry that no longer validates stays unoffered, every time', () => {
    const legacy = JSON.stringify({ action_type: 'Legacy Type', title: 'Old', endpoint: '/x' });
    expect(parseStoredAction(legacy)).toBeUndefined();
    expect(parseStoredAction(legacy)).toBeUndefined();
  });
});
