import type { SqlRunner } from '@registry/db';
import pg from 'pg';

const CHANNEL = 'registry_delivery';

export interface DeliveryNotifications {
  /** Tells workers in other processes that jobs are due, when `tx` commits. */
  notify(tx: SqlRunner): Promise<void>;
  /** Calls `onJobs` when another process notifies; returns how to stop listening. */
  listen(onJobs: () => void): () => Promise<void>;
}

/**
 * PostgreSQL LISTEN/NOTIFY between the processes that enqueue and the workers, so an async
 * event is picked up at once rather than at the next poll. Best effort: where it does not reach
 * (embedded PostgreSQL serves every connection from one session), workers still poll.
 */
export function createDeliveryNotifications(databaseUrl: string): DeliveryNotifications {
  return {
    async notify(tx) {
      await tx.query({ text: `SELECT pg_notify('${CHANNEL}', '')` });
    },
    listen(onJobs) {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on('error', () => {});
      client.on('notification', () => onJobs());
      const connected = client
        .connect()
        .then(() => client.query(`LISTEN ${CHANNEL}`))
        .catch(() => undefined);
      return async () => {
        await connected;
        await client.end().catch(() => {});
      };
    },
  };
}
