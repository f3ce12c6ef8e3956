import type { SqlRunner } from '@registry/db';
import type { Logger } from 'pino';
import { renewLeases } from '../executions/store';

/** Renewed this often: three renewals fit in one lease (LEASE_MS), so one missed is harmless. */
const RENEW_EVERY_MS = 3_000;

export interface LeaseKeeper {
  /** Keeps this process's leases renewed until the returned function is called. */
  hold(): () => void;
}

/**
 * Renews the leases this process holds on ledger rows (events it is delivering) while anyone
 * in the process needs them: one statement every 3 s, whatever the number of events. If the
 * process dies, renewals stop and its events' jobs let another process take them over.
 */
export function createLeaseKeeper(sql: SqlRunner, owner: string, logger: Logger): LeaseKeeper {
  let holders = 0;
  let timer: NodeJS.Timeout | undefined;
  const renew = () => {
    renewLeases(sql, owner).catch((error: unknown) =>
      logger.error({ err: error }, 'could not renew leases'),
    );
  };
  return {
    hold() {
      holders += 1;
      if (!timer) {
        timer = setInterval(renew, RENEW_EVERY_MS);
        timer.unref();
      }
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holders -= 1;
        if (holders === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
  };
}
