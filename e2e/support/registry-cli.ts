import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './running-product';

const run = promisify(execFile);

/** `pnpm registry token create`, against the running product; returns the printed token. */
export async function createTokenWithCli(baseUrl: string, name: string): Promise<string> {
  const { stdout } = await run(
    resolve(repoRoot, 'node_modules/.bin/tsx'),
    ['apps/cli/src/main.ts', 'token', 'create', '--name', name, '--url', baseUrl],
    { cwd: repoRoot, env: { ...process.env, DATABASE_URL: '' } },
  );
  const token = /par_admin_[\w-]+/.exec(stdout)?.[0];
  if (!token) throw new Error(`the CLI printed no token:\n${stdout}`);
  return token;
}

/** `pnpm registry <args>` against the running product: its exit code and what it printed. */
export async function runRegistryCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      resolve(repoRoot, 'node_modules/.bin/tsx'),
      ['apps/cli/src/main.ts', ...args],
      { cwd: repoRoot, env: { ...process.env, DATABASE_URL: '', ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}
