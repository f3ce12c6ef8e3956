import type { SqlPool } from '@registry/db';
import { type ExecutionOutcome, recordOutcomes } from './execution-log';

/** Outcomes are written in chunks of this many while a large batch is still running... */
const CHUNK = 200;
/** ...or this long after the first one of a chunk arrived, whichever comes first. */
const FLUSH_AFTER_MS = 100;

/**
 * Records event outcomes as they arrive, a chunk at a time and one write at a time, so a large
 * batch's outcomes are mostly stored by the time its last event finishes (a crash midway loses
 * fewer, and a replay waiting on one of its keys sees the outcome soon). `finish` writes the
 * rest and reports the first write that failed, if any.
 */
export function createOutcomeRecorder(sql: SqlPool) {
  let buffer: ExecutionOutcome[] = [];
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  let timer: NodeJS.Timeout | undefined;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (buffer.length === 0) return;
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
      else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    async finish(): Promise<void> {
      flush();
      await writing;
      if (failure) throw failure;
    },
  };
}
