import { PgBoss, type Queue } from 'pg-boss';

/**
 * The job queue that delivers events (pg-boss, in its own schema of the same database). Its
 * tables are part of the database like Prisma's: `migrateDatabase` installs them.
 */
export const QUEUE_SCHEMA = 'pgboss';
/** One job per delivery attempt of one event: `{ execution_id }`, grouped by plugin. */
export const DELIVERY_QUEUE = 'event-delivery';
/** Events out of attempts: redriven back to DELIVERY_QUEUE when an operator redelivers one. */
export const DEAD_LETTER_QUEUE = 'event-delivery-dead';

const DAY_SECONDS = 24 * 60 * 60;

/** Queue options, chosen for delivery: the registry decides retries itself (see each note). */
export const DELIVERY_QUEUE_OPTIONS: Omit<Queue, 'name'> = {
  policy: 'standard',
  // A job "fails" in pg-boss when its worker died (its heartbeat stopped) or ran past
  // `expireInSeconds`, and when a worker defers it to a later time (a retry, a lease's end):
  // either way it goes back to the queue, never to a final state. A plugin's failures are the
  // registry's to schedule (PLUGIN_RETRY_SCHEDULE).
  retryLimit: 1_000_000,
  retryDelay: 1,
  heartbeatSeconds: 10,
  // One attempt takes at most PLUGIN_TIMEOUT_MAX_MS (30 s by default) plus bookkeeping.
  expireInSeconds: 300,
  // A waiting job (a retry hours away, a disabled plugin's backlog) is never dropped by age.
  retentionSeconds: 30 * DAY_SECONDS,
  deleteAfterSeconds: 60 * 60,
  notify: true,
};

const DEAD_LETTER_OPTIONS: Omit<Queue, 'name'> = {
  policy: 'standard',
  retentionSeconds: 90 * DAY_SECONDS,
  deleteAfterSeconds: 7 * DAY_SECONDS,
};

/**
 * Installs or upgrades pg-boss's schema and creates the delivery queues (idempotent). pg-boss
 * migrates its own schema under an advisory lock, so concurrent callers on real PostgreSQL wait.
 */
export async function installDeliveryQueues(databaseUrl: string): Promise<void> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: QUEUE_SCHEMA,
    max: 2,
    supervise: false,
    schedule: false,
    registerInstance: false,
  });
  boss.on('error', () => {});
  await boss.start();
  try {
    await boss.createQueue(DEAD_LETTER_QUEUE, DEAD_LETTER_OPTIONS);
    await boss.createQueue(DELIVERY_QUEUE, DELIVERY_QUEUE_OPTIONS);
  } finally {
    await boss.stop({ graceful: false });
  }
}
