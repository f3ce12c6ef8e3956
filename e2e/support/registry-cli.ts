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
