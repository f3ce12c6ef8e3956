import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const cliRoot = resolve(import.meta.dirname, '..');
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
}, 60_000);
afterAll(() => database?.close());

/** `pnpm registry token …` straight to this file's database, as a first production token is made. */
async function registry(...args: string[]) {
  const tsx = resolve(cliRoot, '../../node_modules/.bin/tsx');
  return run(tsx, ['src/main.ts', 'token', ...args], {
    cwd: cliRoot,
    env: { ...process.env, DATABASE_URL: database.url },
  }).then(
    ({ stdout }) => ({ code: 0, stdout }),
    (error: { code?: number; stdout?: string; stderr?: string }) => ({
      code: error.code ?? 1,
      stdout: `${error.stdout ?? ''}${error.stderr ?? ''}`,
    }),
  );
}

describe('pnpm registry token', () => {
  it('[CLI][TOKENS]: --expires-in 30d makes a token that expires in 30 days, and list says when', async () => {
    const created = await registry('create', '--name', 'ci', '--expires-in', '30d');
    expect(created.code).toBe(0);
    const expiresAt = /It expires at (\S+)\./.exec(created.stdout)?.[1] ?? '';
    const days = (Date.parse(expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.99);
    expect(days).toBeLessThanOrEqual(30);

    const listed = await registry('list');
    expect(listed.stdout).toMatch(new RegExp(`ci  \\(active, expires ${expiresAt}\\)`));
  });

  it('[CLI][TOKENS]: a lifetime that is not minutes, hours or days is refused naming it', async () => {
    const refused = await registry('create', '--name', 'odd', '--expires-in', '30 days');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('expires_in: must be a number of minutes, hours or days');
  });
});
