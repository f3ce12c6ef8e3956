import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@registry/testing/loopback';

export const repoRoot = resolve(import.meta.dirname, '../..');
const tsx = resolve(repoRoot, 'node_modules/.bin/tsx');

/** Output kept per process for failure messages: a long run's logs are cut to their tail. */
const OUTPUT_KEPT = 200_000;

/** One of the product's processes, in a process group of its own with everything it started. */
export interface ProductProcess {
  readonly name: string;
  /** Everything it printed (the tail of it), for failure messages. */
  output(): string;
  /** Resolves once its output matches `pattern`; fails if it exits first or `ms` pass. */
  waitForOutput(pattern: RegExp, ms?: number): Promise<void>;
  /** `kill -9` of its whole process group; resolves once it has exited. */
  kill(): Promise<void>;
  /** SIGTERM to its process group (SIGKILL after 15 s); resolves once it has exited. */
  stop(): Promise<void>;
}

/** Every group still running: killed when the test process ends, whatever happened. */
const running = new Set<number>();
const killRunning = () => {
  for (const pid of running) signalGroup(pid, 'SIGKILL');
};
process.once('exit', killRunning);
// The test runner ends its workers with SIGTERM, which skips 'exit': kill them, then end as
// the signal would have.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    killRunning();
    process.kill(process.pid, signal);
  });
}

/** Runs `args` with tsx (or `command`), in its own process group. */
export function spawnProcess(
  name: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; command?: string },
): ProductProcess {
  const child: ChildProcess = spawn(options.command ?? tsx, args, {
    cwd: options.cwd ?? repoRoot,
    env: options.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: a kill reaches the processes it starts (the app server, PGlite).
    detached: true,
  });
  const pid = child.pid as number;
  running.add(pid);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running.delete(pid);
      done();
    }),
  );
  const hasExited = () => child.exitCode !== null || child.signalCode !== null;
  return {
    name,
    output: () => output,
    async waitForOutput(pattern, ms = 90_000) {
      const deadline = Date.now() + ms;
      while (!pattern.test(output)) {
        if (hasExited()) throw new Error(`${name} exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`${name} printed no ${pattern}:\n${output}`);
        await new Promise((wait) => setTimeout(wait, 100));
      }
    },
    async kill() {
      if (!hasExited()) signalGroup(pid, 'SIGKILL');
      await exited;
    },
    async stop() {
      if (hasExited()) return;
      signalGroup(pid, 'SIGTERM');
      const forced = setTimeout(() => signalGroup(pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(forced);
      // What it started and left behind (none, normally) goes with it.
      signalGroup(pid, 'SIGKILL');
    },
  };
}

/** For a process that did not start as it should: kills it, then fails with why. */
const stopAndThrow =
  (started: ProductProcess) =>
  async (error: unknown): Promise<never> => {
    await started.kill();
    throw error;
  };

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is gone already.
  }
}

/** `pnpm worker` on the database at `databaseUrl`, delivering once it has said so. */
export async function startWorker(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ProductProcess> {
  const worker = spawnProcess(name, ['apps/worker/src/main.ts'], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
  });
  await worker.waitForOutput(/Delivery worker /).catch(stopAndThrow(worker));
  return worker;
}

export interface AppServer {
  baseUrl: string;
  process: ProductProcess;
}

/**
 * One more app server (the production build, what the start command runs after its setup) on
 * the database at `databaseUrl`, as a second machine runs it: with its own delivery worker
 * unless `REGISTRY_WORKER: 'off'`.
 */
export async function startAppServer(
  name: string,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<AppServer> {
  const port = await freePort();
  const server = spawnProcess(
    name,
    ['server/main.ts', '--port', String(port), '--hostname', '127.0.0.1'],
    {
      cwd: resolve(repoRoot, 'apps/web'),
      env: { ...process.env, ...env, DATABASE_URL: databaseUrl, NODE_ENV: 'production' },
    },
  );
  await server.waitForOutput(/Web server listening/).catch(stopAndThrow(server));
  return { baseUrl: `http://127.0.0.1:${port}`, process: server };
}
