import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { freePort } from '@registry/testing/loopback';
import { webDir, webServerArgs } from '@registry/web/server-command';

export interface RegistryServer {
  url: string;
  pid: number;
  /** Resident set size of the server process now, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/**
 * The production build (the start command's web server) on a free loopback port, against `databaseUrl`. Extra
 * environment (dispatch settings) goes in `env`.
 */
export async function startRegistryServer(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<RegistryServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    webServerArgs({ dev: false, port, host: '127.0.0.1' }),
    {
      cwd: webDir,
      env: {
        ...process.env,
        ...env,
        DATABASE_URL: databaseUrl,
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        // The mock plugin's address (protected local mode needs no token on loopback).
        PLUGIN_ALLOWED_ADDRESSES: '127.0.0.1',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(`${url}/api/plugins/events/automation`, child);
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rss: () => rssOf(pid),
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((done) => child.once('exit', done));
    },
  };
}

async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('the web server exited early');
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`registry did not become healthy at ${url}`);
}

/** RSS of a process and its children (Next may serve from a child process). */
function rssOf(pid: number): number {
  let total = 0;
  for (const id of [pid, ...childrenOf(pid)]) {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // The process ended between listing and reading.
    }
  }
  return total;
}

function childrenOf(pid: number): number[] {
  try {
    const direct = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
    return direct.flatMap((child) => [child, ...childrenOf(child)]);
  } catch {
    return [];
  }
}
