import { describe, expect, it } from 'vitest';
import { ZActionDefinitionSchema } from './action-definition';
import { summarizeIssues, toValidationIssues } from './validation-issues';

const action = {
  action_type: 'lookup',
  title: 'Look up',
  required_fields: ['id'],
  endpoint: '/lookup',
};

function problems(input: unknown): string {
  const parsed = ZActionDefinitionSchema.safeParse(input, { reportInput: true });
  return parsed.success ? 'valid' : summarizeIssues(toValidationIssues(parsed.error));
}

describe('output_schema, output_example and hints', () => {
  it('[CONTRACTS][OUTPUT]: accepts an object output schema, an example and the three hints', () => {
    const parsed = ZActionDefinitionSchema.parse({
      ...action,
      output_schema: { type: 'object', properties: { found: { type: 'boolean' } } },
      output_example: { found: true },
      read_only: true,
      destructive: false,
      idempotent: true,
    });
    expect(parsed).toMatchObject({
      output_schema: { type: 'object' },
      output_example: { found: true },
      read_only: true,
      destructive: false,
      idempotent: true,
    });
  });

  it('[CONTRACTS][OUTPUT]: hints are absent (unknown) unless given', () => {
    const parsed = ZActionDefinitionSchema.parse(action);
    expect(Object.keys(parsed)).not.toContain('read_only');
    expect(Object.keys(parsed)).not.toContain('output_schema');
  });

  it('[CONTRACTS][OUTPUT]: refuses a non-object root, bad keywords and oversize schemas naming output_schema', () => {
    expect(problems({ ...action, output_schema: { type: 'string' } })).toBe(
      'output_schema.type: must be "object": a result with a schema is a JSON object (received "string")',
    );
    expect(
      problems({
        ...action,
        output_schema: { type: 'object', properties: { n: { type: 'int' } } },
      }),
    ).toMatch(/^output_schema\.properties\.n\.type: must be one of/);
    const huge = { type: 'object', description: 'x'.repeat(70 * 1024) };
    expect(problems({ ...action, output_schema: huge })).toBe(
      'output_schema: must be at most 64 KiB as JSON',
    );
  });

  it('[CONTRACTS][OUTPUT]: a hint must be a boolean', () => {
    expect(problems({ ...action, read_only: 'yes' })).toMatch(/^read_only: /);
  });
});
