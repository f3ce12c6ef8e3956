import { describe, expect, it } from 'vitest';
import { ZCreatePluginRequestSchema } from './plugin';
import { summarizeIssues, toValidationIssues } from './validation-issues';

const valid = { name: 'Email Automation', slug: 'email-automation' };

function problems(overrides: Record<string, unknown>): string {
  const parsed = ZCreatePluginRequestSchema.safeParse(
    { ...valid, ...overrides },
    { reportInput: true },
  );
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
}

describe('ZCreatePluginRequestSchema', () => {
  it('[CONTRACTS][PLUGIN]: fills in defaults for everything but name and slug', () => {
    expect(ZCreatePluginRequestSchema.parse(valid)).toEqual({
      ...valid,
      status: 'active',
      api_endpoint: null,
      webhook_url: null,
      events: [],
      config: {},
      metadata: {},
      delivery: {},
      breaking_policy: null,
    });
  });

  it.each(['a', 'email-automation', 'v2', 'x-1-y'])(
    '[CONTRACTS][PLUGIN]: accepts the slug %j',
    (slug) => {
      expect(problems({ slug })).toBe('valid');
    },
  );

  it.each(['Email', 'email_automation', '-email', 'email-', 'e mail', 'a'.repeat(65)])(
    '[CONTRACTS][PLUGIN]: rejects the slug %j',
    (slug) => {
      expect(problems({ slug })).toMatch(/^slug: must /);
    },
  );

  it.each(['actions', 'events', 'platform'])(
    '[CONTRACTS][PLUGIN]: the slug %j is reserved',
    (slug) => {
      expect(problems({ slug })).toBe(
        `slug: is reserved (actions, events, platform) (received "${slug}")`,
      );
    },
  );

  it.each([
    'https://plugins.example.com/email',
    'http://127.0.0.1:5180',
    'http://localhost:5180/base/',
  ])('[CONTRACTS][PLUGIN]: accepts the api_endpoint %j', (api_endpoint) => {
    expect(problems({ api_endpoint })).toBe('valid');
    expect(problems({ webhook_url: api_endpoint })).toBe('valid');
  });

  it.each([
    ['/actions', 'must be an absolute http(s) URL'],
    ['plugins.example.com', 'must be an absolute http(s) URL'],
    ['ftp://plugins.example.com', 'must be an absolute http(s) URL'],
    ['javascript:alert(1)', 'must be an absolute http(s) URL'],
    ['https://user:secret@plugins.example.com', 'must not contain credentials'],
    ['https://token@plugins.example.com', 'must not contain credentials'],
    ['https://plugins.example.com/?key=1', 'must not contain a query string or fragment'],
    ['https://plugins.example.com/#top', 'must not contain a query string or fragment'],
    // Empty query and fragment: the appended action path would land in them.
    ['https://plugins.example.com/?', 'must not contain a query string or fragment'],
    ['https://plugins.example.com/#', 'must not contain a query string or fragment'],
  ])('[CONTRACTS][PLUGIN]: rejects the api_endpoint %j', (api_endpoint, reason) => {
    expect(problems({ api_endpoint })).toBe(`api_endpoint: ${reason} (received "${api_endpoint}")`);
  });

  it('[CONTRACTS][PLUGIN]: name is required, status is active or inactive', () => {
    expect(problems({ name: undefined })).toBe('name: is required');
    expect(problems({ name: '  ' })).toMatch(/^name: must not be empty/);
    expect(problems({ status: 'inactive' })).toBe('valid');
    expect(problems({ status: 'paused' })).toMatch(/^status: /);
  });

  it('[CONTRACTS][PLUGIN]: config and metadata must be objects, unknown keys are rejected', () => {
    expect(problems({ config: { retries: 3 } })).toBe('valid');
    expect(problems({ config: ['x'] })).toMatch(/^config: expected /);
    expect(problems({ id: 'abc' })).toBe('body: unknown field "id"');
  });
});
