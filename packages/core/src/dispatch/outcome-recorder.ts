import type { SqlPool } from '@registry/db';
import { type ExecutionOutcome, recordOutcomes } from './execution-log';

/** Outcomes are written in chunks of this many while a large batch is still running. */
const CHUNK = 200;

/**
 * Records event outcomes as they arrive, a chunk at a time and one write at a time, so a large
 * batch's outcomes are mostly stored by the time its last event finishes (and a crash midway
 * loses fewer). `finish` writes the rest and reports the first write that failed, if any.
 */
export function createOutcomeRecorder(sql: SqlPool) {
  let buffer: ExecutionOutcome[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;

  const flush = () => {
    const chunk = buffer;
    buffer = [];
    writing = writing.then(() =>
      recordOutcomes(sql, chunk).catch((error: unknown) => {
        failure ??= error;
      }),
    );
  };

  return {
    add(outcome: ExecutionOutcome): void {
      buffer.push(outcome);
      if (buffer.length >= CHUNK) flush();
    },
    async finish(): Promise<void> {
      if (buffer.length > 0) flush();
      await writing;
      if (failure) throw failure;
    },
  };
}
