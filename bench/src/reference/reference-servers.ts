import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@registry/testing/loopback';

/** The two reference servers of `bench/README.md`, each in its own process on loopback. */
export interface ReferenceServers {
  /** Automation URL of the bare proxy (parse, one undici call, answer). */
  bare: string;
  /** Automation URL of the naive durable server (INSERT, call, UPDATE). */
  durable: string;
  barePid: number;
  durablePid: number;
  stop(): Promise<void>;
}

export async function startReferenceServers(
  pluginUrl: string,
  databaseUrl: string,
): Promise<ReferenceServers> {
  const [barePort, durablePort] = await Promise.all([freePort(), freePort()]);
  const children = await Promise.all([
    start('bare-proxy.ts', [String(barePort), pluginUrl]),
    start('durable-proxy.ts', [String(durablePort), pluginUrl, databaseUrl]),
  ]);
  return {
    bare: `http://127.0.0.1:${barePort}/`,
    durable: `http://127.0.0.1:${durablePort}/`,
    barePid: children[0]?.pid ?? 0,
    durablePid: children[1]?.pid ?? 0,
    stop: async () => {
      await Promise.all(
        children.map((child) => {
          child.kill();
          return new Promise((done) => child.once('exit', done));
        }),
      );
    },
  };
}

async function start(file: string, args: string[]): Promise<ChildProcess> {
  const child = fork(resolve(import.meta.dirname, file), args, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((ready, fail) => {
    child.once('message', () => ready());
    child.once('exit', (code) => fail(new Error(`${file} exited with ${code}`)));
  });
  return child;
}
