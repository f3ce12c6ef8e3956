import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { exceedsJsonDepth, hasUnstorableText, isStorableText, MAX_JSON_DEPTH } from './json-value';
import { ZCreatePluginRequestSchema } from './plugin';
import { ZRegisterActionsRequestSchema } from './registration';
import { summarizeIssues, toValidationIssues } from './validation-issues';

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
}

describe('JSON values the database can store', () => {
  it('[CONTRACTS][JSON]: depth counts containers, not the strings inside them', () => {
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(exceedsJsonDepth(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(exceedsJsonDepth('just text')).toBe(false);
  });

  it('[CONTRACTS][JSON]: an adversarially deep value is checked without overflowing the stack', () => {
    expect(exceedsJsonDepth(nested(200_000))).toBe(true);
    expect(hasUnstorableText(nested(200_000))).toBe(false);
  });

  it('[CONTRACTS][JSON]: NUL and unpaired surrogates are found in keys and strings', () => {
    expect(isStorableText('plain ✓ 😀')).toBe(true);
    expect(isStorableText('nul\u0000')).toBe(false);
    expect(isStorableText('half \ud800')).toBe(false);
    expect(hasUnstorableText({ a: [{ b: 'ok' }] })).toBe(false);
    expect(hasUnstorableText({ a: [{ b: 'x\u0000' }] })).toBe(true);
    expect(hasUnstorableText({ a: { 'key\ud800': 1 } })).toBe(true);
  });

  it('[CONTRACTS][JSON]: plugin fields and action definitions refuse unstorable text by name', () => {
    const plugin = ZCreatePluginRequestSchema.safeParse({
      name: 'Mailer\u0000',
      slug: 'mailer',
      config: { nested: { 'bad\u0000key': true } },
    });
    expect(plugin.success).toBe(false);
    const pluginMessage = summarizeIssues(toValidationIssues(plugin.error as z.ZodError));
    expect(pluginMessage).toContain('name: must not contain U+0000 (NUL) or unpaired surrogates');
    expect(pluginMessage).toContain('config: must not contain U+0000 (NUL) or unpaired surrogates');

    const actions = ZRegisterActionsRequestSchema.safeParse({
      actions: [
        { action_type: 'a', title: 'T\ud800', required_fields: ['x\u0000'], endpoint: '/a\u0000' },
      ],
    });
    const fields = toValidationIssues(actions.error as z.ZodError).map((issue) => issue.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'actions[0].title',
        'actions[0].required_fields[0]',
        'actions[0].endpoint',
      ]),
    );
  });
});
