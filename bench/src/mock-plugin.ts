import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort } from '@registry/testing/loopback';

export interface MockPlugins {
  /** Base URLs of plugins that answer at once. */
  fast: string[];
  /** Base URLs of plugins that never answer. */
  hanging: string[];
  pid: number;
  /** Requests the mock plugins have received so far, on every origin. */
  received(): Promise<number>;
  /** Starts noting when each `webhook-id` first arrives (forgetting any earlier notes). */
  recordArrivals(): Promise<void>;
  /** First arrival of each `webhook-id` since `recordArrivals`, on `monotonicMs()`'s clock. */
  takeArrivals(): Promise<Map<string, number>>;
  stop(): Promise<void>;
}

/** What the parent asks the mock plugin process over IPC, and what it answers. */
export interface MockPluginQuestion {
  id: number;
  ask: 'received' | 'record' | 'arrivals';
}
export interface MockPluginAnswer {
  id: number;
  received: number;
  arrivals?: Array<[string, number]>;
}

/**
 * Milliseconds on the machine's monotonic clock, which every process on Linux shares: a time
 * taken here compares with one the mock plugin process took.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
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
  let asked = 0;
  const ask = (question: MockPluginQuestion['ask']) =>
    new Promise<MockPluginAnswer>((answered) => {
      const id = ++asked;
      const onAnswer = (answer: MockPluginAnswer) => {
        if (answer.id !== id) return;
        child.off('message', onAnswer);
        answered(answer);
      };
      child.on('message', onAnswer);
      child.send({ id, ask: question } satisfies MockPluginQuestion);
    });
  const url = (port: number) => `http://127.0.0.1:${port}`;
  return {
    fast: fast.map(url),
    hanging: hanging.map(url),
    pid: child.pid ?? 0,
    received: async () => (await ask('received')).received,
    recordArrivals: async () => {
      await ask('record');
    },
    takeArrivals: async () => new Map((await ask('arrivals')).arrivals),
    stop: async () => {
      child.kill();
      await new Promise((done) => child.once('exit', done));
    },
  };
}
