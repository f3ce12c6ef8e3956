import { type ActionDefinition, ZActionDefinitionSchema } from '@registry/contracts';
import { describe, expect, it } from 'vitest';
import { diffRegistrations } from './diff-registrations';

const action = (fields: Record<string, unknown>): ActionDefinition =>
  ZActionDefinitionSchema.parse({ title: 'T', endpoint: '/a', required_fields: [], ...fields });

describe('diffRegistrations', () => {
  it('[REGISTRY][HISTORY]: lists added, removed and changed actions, each change by path', () => {
    const before = [
      action({
        action_type: 'a',
        input_schema: { type: 'object', properties: { x: { maximum: 5 } } },
      }),
      action({ action_type: 'gone' }),
      action({ action_type: 'same' }),
    ];
    const after = [
      action({
        action_type: 'a',
        description: 'new',
        input_schema: { type: 'object', properties: { x: { maximum: 9 } } },
      }),
      action({ action_type: 'same' }),
      action({ action_type: 'fresh' }),
    ];
    expect(diffRegistrations(before, after)).toEqual({
      added: ['fresh'],
      removed: ['gone'],
      changed: [
        {
          action_type: 'a',
          changes: [
            { path: 'input_schema.properties.x.maximum', change: 'changed', before: 5, after: 9 },
            { path: 'description', change: 'added', after: 'new' },
          ],
        },
      ],
      breaking_changes: [
        expect.objectContaining({ action_type: 'gone', change: 'action_removed' }),
      ],
    });
  });

  it('[REGISTRY][HISTORY]: the same schema with its keys in another order is no change', () => {
    const schema = { type: 'object', properties: { x: { type: 'string', maxLength: 3 } } };
    const reordered = { properties: { x: { maxLength: 3, type: 'string' } }, type: 'object' };
    const diff = diffRegistrations(
      [action({ action_type: 'a', input_schema: schema })],
      [action({ action_type: 'a', input_schema: reordered })],
    );
    expect(diff).toEqual({ added: [], removed: [], changed: [], breaking_changes: [] });
  });
});
