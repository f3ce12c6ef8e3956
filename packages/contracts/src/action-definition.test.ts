import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ZActionDefinitionSchema } from './action-definition';
import { summarizeIssues, toValidationIssues } from './validation-issues';

const valid = {
  action_type: 'send_welcome_email',
  title: 'Send Welcome Email',
  required_fields: ['user_id', 'email'],
  endpoint: '/actions/send-welcome-email',
};

/** The caller-facing error for an input, or 'valid'. */
function problems(schema: z.ZodType, input: unknown): string {
  const parsed = schema.safeParse(input, { reportInput: true });
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
}

const action = (overrides: Record<string, unknown>) =>
  problems(ZActionDefinitionSchema, { ...valid, ...overrides });

describe('ZActionDefinitionSchema', () => {
  it('[CONTRACTS][ACTION]: fills in category and optional_fields when absent', () => {
    expect(ZActionDefinitionSchema.parse(valid)).toEqual({
      ...valid,
      category: 'general',
      optional_fields: [],
    });
  });

  it.each(['send_email', 'send-email', 'v2_sync', 'a'])(
    '[CONTRACTS][ACTION]: accepts action_type %j',
    (actionType) => {
      expect(action({ action_type: actionType })).toBe('valid');
    },
  );

  it.each(['SendEmail', 'send email', 'send.email', 'send/email', 'émail'])(
    '[CONTRACTS][ACTION]: rejects action_type %j',
    (actionType) => {
      expect(action({ action_type: actionType })).toBe(
        `action_type: must contain only lowercase letters, digits, "_" and "-" (received ${JSON.stringify(actionType)})`,
      );
    },
  );

  it('[CONTRACTS][ACTION]: an empty or overlong action_type is rejected', () => {
    expect(action({ action_type: '' })).toMatch(/^action_type: must not be empty/);
    expect(action({ action_type: 'a'.repeat(101) })).toMatch(
      /^action_type: must be at most 100 characters/,
    );
  });

  it('[CONTRACTS][ACTION]: title is required and must not be blank', () => {
    expect(action({ title: undefined })).toBe('title: is required');
    expect(action({ title: '   ' })).toMatch(/^title: must not be empty/);
  });

  it('[CONTRACTS][ACTION]: required_fields is a required array of field names', () => {
    expect(action({ required_fields: undefined })).toBe('required_fields: is required');
    expect(action({ required_fields: 'email' })).toBe(
      'required_fields: expected array, received "email"',
    );
    expect(action({ required_fields: [] })).toBe('valid');
    expect(action({ required_fields: ['first name'] })).toMatch(
      /^required_fields\[0\]: must not contain whitespace/,
    );
    expect(action({ required_fields: ['email', 'email'] })).toBe(
      'required_fields: must not list a field twice',
    );
  });

  it('[CONTRACTS][ACTION]: category defaults to general but must follow the action_type pattern', () => {
    expect(ZActionDefinitionSchema.parse({ ...valid, category: 'email' }).category).toBe('email');
    expect(action({ category: 'E-mail' })).toMatch(/^category: must contain only lowercase/);
  });

  it.each(['/actions/send', '/a/b/c', '/send?mode=fast', '/.well-known/hook', '/a..b'])(
    '[CONTRACTS][ACTION]: accepts the relative endpoint %j',
    (endpoint) => {
      expect(action({ endpoint })).toBe('valid');
    },
  );

  it.each([
    ['https://x', /must be a path starting with "\/"/],
    ['//evil.com/x', /must be a path starting with "\/"/],
    ['actions/send', /must be a path starting with "\/"/],
    ['/a/../b', /must not contain "\." or "\.\." segments/],
    ['/a/..', /must not contain "\." or "\.\." segments/],
    ['/./b', /must not contain "\." or "\.\." segments/],
    ['/%2e%2e/b', /must not contain "\." or "\.\." segments/],
    ['/a/%2E./b', /must not contain "\." or "\.\." segments/],
    ['/a\\b', /must not contain whitespace or backslashes/],
    [' /x', /must be a path starting with "\/"/],
    ['/a b', /must not contain whitespace or backslashes/],
    ['/a\tb', /must not contain whitespace or backslashes/],
  ])('[CONTRACTS][ACTION]: rejects the endpoint %j', (endpoint, reason) => {
    const message = action({ endpoint });
    expect(message).toMatch(/^endpoint: /);
    expect(message).toMatch(reason);
  });

  it('[CONTRACTS][ACTION]: endpoint is required', () => {
    expect(action({ endpoint: undefined })).toBe('endpoint: is required');
  });

  it('[CONTRACTS][ACTION]: a field listed as both required and optional is rejected', () => {
    expect(action({ optional_fields: ['first_name', 'email'] })).toBe(
      'optional_fields[1]: "email" is already listed in required_fields',
    );
  });

  it('[CONTRACTS][ACTION]: unknown keys are rejected by name', () => {
    expect(action({ url: 'https://x' })).toBe('body: unknown field "url"');
    expect(action({ url: 'x', method: 'POST' })).toBe('body: unknown fields "url", "method"');
  });

  it('[CONTRACTS][ACTION][EXAMPLES]: examples are bounded in count, size and shape, naming the field', () => {
    const example = { name: 'first', payload: { user_id: 'u1' } };
    expect(action({ examples: [example, { payload: {}, setup: [] }] })).toBe('valid');
    expect(action({ examples: Array.from({ length: 11 }, () => example) })).toBe(
      'examples: must hold at most 10 examples',
    );
    expect(action({ examples: [{ payload: 'u1' }] })).toMatch(
      /^examples\[0\]\.payload: expected record, received "u1"/,
    );
    expect(action({ examples: [{ ...example, payload: { note: 'x'.repeat(70_000) } }] })).toBe(
      'examples[0].payload: must be at most 64 KiB as JSON',
    );
    expect(action({ examples: [{ ...example, name: ' ' }] })).toMatch(
      /^examples\[0\]\.name: must not be empty/,
    );
    const setup = Array.from({ length: 11 }, () => ({ action_type: 'a', payload: {} }));
    expect(action({ examples: [{ ...example, setup }] })).toBe(
      'examples[0].setup: must hold at most 10 setup events',
    );
    expect(action({ examples: [{ ...example, expect: 200 }] })).toBe(
      'examples[0]: unknown field "expect"',
    );
  });
});
