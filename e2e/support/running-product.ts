import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@registry/testing';
import { freePort } from '@registry/testing/loopback';

export const repoRoot = resolve(import.meta.dirname, '../..');

export interface RunningProduct {
  baseUrl: string;
  /**
   * The sample email plugin the start command runs (its outbox at `/outbox`): the root of the
   * seed plugins' server, where the others sit below their slugs (`/sms-notifications`, ...).
   */
  emailPluginUrl: string;
  /** Everything the start command printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface ProductOptions {
  /**
   * PLUGIN_ALLOWED_ADDRESSES for a test's own plugin servers on loopback (`127.0.0.1:<port>`),
   * as a developer allows theirs; the start command adds its seed plugins' port itself.
   */
  allowedAddresses?: string;
}

/**
 * Runs the README's start command (scripts/start.ts, production build) on free ports: on a
 * throwaway database of the server DATABASE_URL names, or on a fresh embedded database.
 */
export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  const [port, samplePluginPort] = [await freePort(), await freePort()];
  let database: TestDatabase | undefined;
  let dataDir: string | undefined;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    SAMPLE_PLUGIN_PORT: String(samplePluginPort),
    PLUGIN_ALLOWED_ADDRESSES: options.allowedAddresses ?? '',
  };
  if (process.env.DATABASE_URL) {
    database = await createTestDatabase();
    env.DATABASE_URL = database.url;
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'registry-e2e-'));
    env.EMBEDDED_DB_DIR = dataDir;
  }
  let output = '';
  const child: ChildProcess = spawn(
    resolve(repoRoot, 'node_modules/.bin/tsx'),
    ['scripts/start.ts'],
    { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const baseUrl = `http://localhost:${port}`;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const product: RunningProduct = {
    baseUrl,
    emailPluginUrl: `http://127.0.0.1:${samplePluginPort}`,
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.pid) process.kill(-child.pid, 'SIGTERM');
      await exited;
      await database?.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntilServing(
      `${baseUrl}/api/plugins/events/automation`,
      () => child.exitCode !== null,
      // The seed plugins register once the app serves; the command then prints `Ready`.
      () => output.includes('Ready: '),
    );
  } catch (error) {
    await product.stop();
    throw new Error(`${(error as Error).message}\n--- start command output ---\n${output}`);
  }
  return product;
}

async function waitUntilServing(
  url: string,
  hasExited: () => boolean,
  isReady: () => boolean,
): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (hasExited()) throw new Error('The start command exited before serving');
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok && isReady()) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`Nothing served ${url} within 90 s`);
}
