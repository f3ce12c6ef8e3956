import { describe, expect, it } from 'vitest';
import { MAX_EVENTS_PER_BATCH, ZDispatchRequestSchema } from './automation';
import { summarizeIssues, toValidationIssues } from './validation-issues';

const PLUGIN_ID = '87312788-df51-4002-8eca-9cfc3e3f7d8e';
const event = (overrides: Record<string, unknown> = {}) => ({
  action_type: 'send_welcome_email',
  payload: { user_id: 'u1' },
  ...overrides,
});

function problems(input: unknown): string {
  const parsed = ZDispatchRequestSchema.safeParse(input, { reportInput: true });
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
}

describe('ZDispatchRequestSchema', () => {
  it('[CONTRACTS][DISPATCH]: events is required and holds 1 to 1000 events', () => {
    expect(problems({})).toBe('events: is required');
    expect(problems({ events: [] })).toBe('events: must contain at least one event');
    const batch = (count: number) => ({ events: Array.from({ length: count }, () => event()) });
    expect(problems(batch(1))).toBe('valid');
    expect(problems(batch(MAX_EVENTS_PER_BATCH))).toBe('valid');
    expect(problems(batch(MAX_EVENTS_PER_BATCH + 1))).toBe(
      'events: must contain at most 1000 events',
    );
  });

  it('[CONTRACTS][DISPATCH]: plugin_id is a UUID, null or absent', () => {
    expect(problems({ events: [event({ plugin_id: PLUGIN_ID })] })).toBe('valid');
    expect(problems({ events: [event({ plugin_id: null })] })).toBe('valid');
    expect(problems({ events: [event()] })).toBe('valid');
    expect(problems({ events: [event(), event({ plugin_id: 'email-automation' })] })).toBe(
      'events[1].plugin_id: must be a UUID (received "email-automation")',
    );
    // The schema's own wording wins over zod's, for a wrong type too.
    expect(problems({ events: [event({ plugin_id: 42 })] })).toBe(
      'events[0].plugin_id: must be a UUID',
    );
  });

  it('[CONTRACTS][DISPATCH]: payload must be an object and defaults to {}', () => {
    const parsed = ZDispatchRequestSchema.parse({ events: [{ action_type: 'track_event' }] });
    expect(parsed.events[0]?.payload).toEqual({});
    for (const payload of [[1, 2], 'text', 7, null]) {
      expect(problems({ events: [event({ payload })] })).toMatch(
        /^events\[0\]\.payload: must be a JSON object$/,
      );
    }
  });

  it('[CONTRACTS][DISPATCH]: an event needs a valid action_type and no unknown keys', () => {
    expect(problems({ events: [event({ action_type: undefined })] })).toBe(
      'events[0].action_type: is required',
    );
    expect(problems({ events: [event({ action_type: 'Send Email' })] })).toMatch(
      /^events\[0\]\.action_type: must contain only lowercase letters/,
    );
    expect(problems({ events: [event({ target: 'x' })] })).toBe(
      'events[0]: unknown field "target"',
    );
  });

  it('[CONTRACTS][DISPATCH]: flow_execution_id is optional text without control characters', () => {
    expect(problems({ events: [event()] })).toBe('valid');
    expect(problems({ flow_execution_id: 'flow-42 ünïcode ✓', events: [event()] })).toBe('valid');
    for (const id of ['run\n1', 'run\u00001', 'tab\there', 'del\u007f']) {
      expect(problems({ flow_execution_id: id, events: [event()] })).toMatch(
        /^flow_execution_id: must not contain control characters/,
      );
    }
    expect(problems({ flow_execution_id: '', events: [event()] })).toMatch(
      /^flow_execution_id: must not be empty/,
    );
    expect(problems({ flow_execution_id: 'x'.repeat(201), events: [event()] })).toMatch(
      /^flow_execution_id: must be at most 200 characters/,
    );
  });

  it('[CONTRACTS][DISPATCH]: the body itself must be an object', () => {
    expect(problems(undefined)).toBe('body: is required');
    expect(problems('events')).toBe('body: expected object, received "events"');
    expect(problems([])).toBe('body: expected object, received array');
  });
});
