import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './running-product';

const run = promisify(execFile);

/** Runs one of the seed document's shell scripts against the product at `baseUrl`. */
export async function runSeedScript(
  name: string,
  baseUrl: string,
  env: Record<string, string> = {},
): Promise<string> {
  const script = resolve(repoRoot, 'e2e/contract/seed', name);
  const { stdout } = await run('bash', [script], {
    env: { ...process.env, ...env, BASE_URL: baseUrl },
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

/** Splits output holding several JSON documents one after another (curl prints them so). */
export function parseJsonSequence(text: string): unknown[] {
  const documents: unknown[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{' || char === '[') {
      if (depth++ === 0) start = i;
    } else if ((char === '}' || char === ']') && --depth === 0) {
      documents.push(JSON.parse(text.slice(start, i + 1)));
    }
  }
  return documents;
}
