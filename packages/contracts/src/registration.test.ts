import { describe, expect, it } from 'vitest';
import { MAX_ACTIONS_PER_PLUGIN } from './action-definition';
import { MAX_REGISTRATION_BYTES, ZRegisterActionsRequestSchema } from './registration';
import { summarizeIssues, toValidationIssues } from './validation-issues';

const action = (actionType: string) => ({
  action_type: actionType,
  title: `Title of ${actionType}`,
  required_fields: [],
  endpoint: `/actions/${actionType}`,
});

function problems(input: unknown): string {
  const parsed = ZRegisterActionsRequestSchema.safeParse(input, { reportInput: true });
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
}

describe('ZRegisterActionsRequestSchema', () => {
  it('[CONTRACTS][REGISTER]: accepts a set of distinct actions, an empty set included', () => {
    expect(problems({ actions: [action('a'), action('b')] })).toBe('valid');
    expect(problems({ actions: [] })).toBe('valid');
  });

  it('[CONTRACTS][REGISTER]: actions is required', () => {
    expect(problems({})).toBe('actions: is required');
  });

  it('[CONTRACTS][REGISTER]: a duplicate action_type names both indexes', () => {
    expect(
      problems({ actions: [action('a'), action('twice'), action('b'), action('twice')] }),
    ).toBe('actions[3].action_type: duplicate action_type "twice" (also at actions[1])');
  });

  it('[CONTRACTS][REGISTER]: duplicates are reported alongside other invalid actions', () => {
    const issues = toValidationIssues(
      ZRegisterActionsRequestSchema.safeParse(
        { actions: [action('same'), action('same'), { ...action('x'), title: '' }] },
        { reportInput: true },
      ).error ?? expect.fail('expected a validation error'),
    );
    expect(issues.map((issue) => issue.field).sort()).toEqual([
      'actions[1].action_type',
      'actions[2].title',
    ]);
  });

  it(`[CONTRACTS][REGISTER]: accepts ${MAX_ACTIONS_PER_PLUGIN} actions and rejects one more`, () => {
    const many = (count: number) => Array.from({ length: count }, (_, i) => action(`action_${i}`));
    expect(problems({ actions: many(MAX_ACTIONS_PER_PLUGIN) })).toBe('valid');
    expect(problems({ actions: many(MAX_ACTIONS_PER_PLUGIN + 1) })).toBe(
      'actions: must hold at most 500 actions',
    );
  });

  it('[CONTRACTS][REGISTER]: a set over 4 MiB as JSON is refused naming actions; up to it is read', () => {
    // Actions with 60 KiB schemas, each within its own 64 KiB limit: 40 fit, 80 do not.
    const heavy = (count: number, bytes: number) =>
      Array.from({ length: count }, (_, i) => ({
        ...action(`heavy_${i}`),
        required_fields: undefined,
        input_schema: {
          type: 'object',
          properties: Object.fromEntries(
            Array.from({ length: 20 }, (_, field) => [
              `field_${field}`,
              { type: 'string', description: 'x'.repeat(Math.floor(bytes / 20)) },
            ]),
          ),
        },
      }));
    expect(problems({ actions: heavy(40, 60 * 1024) })).toBe('valid');
    expect(problems({ actions: heavy(80, 60 * 1024) })).toBe(
      'actions: must be at most 4 MiB as JSON, all actions together (received 4.8 MiB)',
    );
    expect(MAX_REGISTRATION_BYTES).toBe(4 * 1024 * 1024);
  });

  it('[CONTRACTS][REGISTER]: an invalid action is named by its index', () => {
    expect(
      problems({ actions: [action('ok'), { ...action('bad'), endpoint: '//evil.com' }] }),
    ).toMatch(/^actions\[1\]\.endpoint: must be a path starting with "\/"/);
    expect(problems({ actions: [{ ...action('a'), extra: true }] })).toBe(
      'actions[0]: unknown field "extra"',
    );
  });

  it('[CONTRACTS][REGISTER]: unknown top-level keys are rejected', () => {
    expect(problems({ actions: [], plugin: 'mailer' })).toBe('body: unknown field "plugin"');
  });

  it('[CONTRACTS][REGISTER][EXAMPLES]: a setup event must name an action of the same set', () => {
    const redeem = {
      ...action('redeem_points'),
      examples: [
        {
          name: 'first redemption',
          payload: { points: 5 },
          setup: [
            { action_type: 'award_points', payload: { points: 10 } },
            { action_type: 'send_sms', payload: {} },
          ],
        },
      ],
    };
    expect(problems({ actions: [action('award_points'), redeem] })).toBe(
      `actions[1].examples[0].setup[1].action_type: must name one of this plugin's actions; "send_sms" is not among them`,
    );
    expect(problems({ actions: [action('award_points'), action('send_sms'), redeem] })).toBe(
      'valid',
    );
  });
});
