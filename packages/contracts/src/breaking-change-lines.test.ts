import { describe, expect, it } from 'vitest';
import { breakingChangeLines } from './breaking-change-lines';

describe('breakingChangeLines', () => {
  it('[CONTRACTS][BREAKING]: groups the changes by action, with how much each was used', () => {
    const lines = breakingChangeLines(
      [
        { action_type: 'refund', change: 'field_removed', path: 'a', detail: 'a: field removed' },
        { action_type: 'ping', change: 'action_removed', path: '', detail: 'action removed' },
        { action_type: 'refund', change: 'schema_narrowed', path: 'b', detail: 'b: maximum 5' },
      ],
      [
        { action_type: 'refund', events_last_30_days: 2, flows_last_30_days: 1 },
        { action_type: 'ping', events_last_30_days: 0, flows_last_30_days: 0 },
      ],
    );
    expect(lines).toEqual([
      'refund (2 events from 1 flow in the last 30 days)',
      '  - a: field removed',
      '  - b: maximum 5',
      'ping (not called in the last 30 days)',
      '  - action removed',
    ]);
    expect(
      breakingChangeLines([
        { action_type: 'x', change: 'action_removed', path: '', detail: 'action removed' },
      ]),
    ).toEqual(['x', '  - action removed']);
  });
});
