import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '@registry/testing';
import { freePort } from '@registry/testing/loopback';
import { type ProductProcess, repoRoot, spawnProcess } from './processes';

export { repoRoot };

export interface RunningProduct {
  baseUrl: string;
  /**
   * The sample email plugin the start command runs (its outbox at `/outbox`): the root of the
   * seed plugins' server, where the others sit below their slugs (`/sms-notifications`, ...).
   */
  emailPluginUrl: string;
  /** Where more processes reach its database: the embedded one's address while it runs. */
  databaseUrl: string;
  /** Everything the start command printed, for failure messages. */
  output(): string;
  /** `kill -9` of the start command and everything it started (the app, embedded PostgreSQL). */
  kill(): Promise<void>;
  /** Stops it, and removes its database unless the caller supplied it. */
  stop(): Promise<void>;
}

/**
 * Where a product keeps its data, to start it again on the same data: a database of its own on
 * the server DATABASE_URL names, or a folder of embedded PostgreSQL.
 */
export interface ProductDatabase {
  env: Record<string, string>;
  remove(): Promise<void>;
}

export async function createProductDatabase(): Promise<ProductDatabase> {
  if (process.env.DATABASE_URL) {
    const database = await createTestDatabase();
    return { env: { DATABASE_URL: database.url }, remove: () => database.close() };
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'registry-e2e-'));
  return {
    env: { EMBEDDED_DB_DIR: dataDir },
    remove: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

export interface ProductOptions {
  /**
   * PLUGIN_ALLOWED_ADDRESSES for a test's own plugin servers on loopback (`127.0.0.1:<port>`),
   * as a developer allows theirs; the start command adds its seed plugins' port itself.
   */
  allowedAddresses?: string;
  /** More settings, as an operator sets them (`REGISTRY_WORKER`, `PLUGIN_RETRY_SCHEDULE`). */
  env?: Record<string, string>;
  /** Its data, kept when it stops; a throwaway database when absent. */
  database?: ProductDatabase;
}

/**
 * Runs the README's start command (scripts/start.ts, production build) on free ports: on a
 * throwaway database of the server DATABASE_URL names, or on a fresh embedded database.
 */
export async function startProduct(options: ProductOptions = {}): Promise<RunningProduct> {
  const [port, samplePluginPort] = [await freePort(), await freePort()];
  const database = options.database ?? (await createProductDatabase());
  const command: ProductProcess = spawnProcess('start command', ['scripts/start.ts'], {
    env: {
      ...process.env,
      ...options.env,
      ...database.env,
      PORT: String(port),
      SAMPLE_PLUGIN_PORT: String(samplePluginPort),
      PLUGIN_ALLOWED_ADDRESSES: options.allowedAddresses ?? '',
    },
  });
  const baseUrl = `http://localhost:${port}`;
  const stop = async () => {
    await command.stop();
    if (!options.database) await database.remove();
  };
  try {
    // The seed plugins register once the app serves; the command then prints `Ready`.
    await command.waitForOutput(/Ready: /);
    await waitUntilServing(`${baseUrl}/api/plugins/events/automation`);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    emailPluginUrl: `http://127.0.0.1:${samplePluginPort}`,
    databaseUrl: database.env.DATABASE_URL ?? embeddedDatabaseUrl(command.output()),
    output: command.output,
    kill: command.kill,
    stop,
  };
}

function embeddedDatabaseUrl(output: string): string {
  const printed = /Database: embedded PostgreSQL \(PGlite\) at (\S+),/.exec(output)?.[1];
  if (!printed) throw new Error(`The start command printed no database address:\n${output}`);
  return printed;
}

async function waitUntilServing(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 250));
  }
  throw new Error(`Nothing served ${url} within 30 s`);
}
