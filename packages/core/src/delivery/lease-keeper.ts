import type { SqlRunner } from '@registry/db';
import type { Logger } from 'pino';
import { renewLeases } from '../executions/store';

/** Renewed this often: three renewals fit in one lease (LEASE_MS), so one missed is harmless. */
const RENEW_EVERY_MS = 3_000;

export interface LeaseKeeper {
  /**
   * Keeps the leases on these ledger rows renewed until the returned function is called. Only
   * rows someone holds are renewed: a claim abandoned by a failure (a settle that could not be
   * written, a batch that failed after claiming) lapses within one lease, and the event's job
   * delivers it again, even while this process lives on.
   */
  hold(executionIds: Iterable<string>): () => void;
}

/**
 * Renews the leases this process holds on ledger rows (events it is delivering): one statement
 * every 3 s for all of them. If the process dies, renewals stop and its events' jobs let
 * another process take them over.
 */
export function createLeaseKeeper(sql: SqlRunner, owner: string, logger: Logger): LeaseKeeper {
  const held = new Map<string, number>();
  let timer: NodeJS.Timeout | undefined;
  const renew = () => {
    renewLeases(sql, owner, [...held.keys()]).catch((error: unknown) =>
      logger.error({ err: error }, 'could not renew leases'),
    );
  };
  return {
    hold(executionIds) {
      const ids = [...executionIds];
      for (const id of ids) held.set(id, (held.get(id) ?? 0) + 1);
      if (!timer && held.size > 0) {
        timer = setInterval(renew, RENEW_EVERY_MS);
        timer.unref();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        for (const id of ids) {
          const count = (held.get(id) ?? 1) - 1;
          if (count > 0) held.set(id, count);
          else held.delete(id);
        }
        if (held.size === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
