import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@registry/testing/loopback';

export interface MockPlugins {
  /** Base URLs of plugins that answer at once. */
  fast: string[];
  /** Base URLs of plugins that never answer. */
  hanging: string[];
  pid: number;
  stop(): Promise<void>;
}

/** Starts the mock plugin process on loopback with `fastCount` + `hangingCount` origins. */
export async function startMockPlugins(fastCount: number, hangingCount = 0): Promise<MockPlugins> {
  const fast = await Promise.all(Array.from({ length: fastCount }, freePort));
  const hanging = await Promise.all(Array.from({ length: hangingCount }, freePort));
  const child: ChildProcess = fork(
    resolve(import.meta.dirname, 'mock-plugin-server.ts'),
    [...fast.map(String), '--', ...hanging.map(String)],
    { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  await new Promise<void>((ready, fail) => {
    child.once('message', () => ready());
    child.once('exit', (code) => fail(new Error(`mock plugin exited with ${code}`)));
  });
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    fast: fast.map(url),
    hanging: hanging.map(url),
    pid: child.pid ?? 0,
    stop: async () => {
      child.kill();
      await new Promise((done) => child.once('exit', done));
    },
  };
}
