import type { RegistrationBreakingPolicy } from '@registry/contracts';
import type { Db, SqlPool } from '@registry/db';
import type { Logger } from 'pino';
import type { AccessSettings } from './auth/local-access';
import type { DeliveryNotifications } from './delivery/delivery-notifications';
import type { DeliveryQueue } from './delivery/delivery-queue';
import type { LeaseKeeper } from './delivery/lease-keeper';
import type { CircuitSettings } from './delivery/plugin-delivery-state';
import type { PluginHttpClient } from './http/plugin-http-client';
import type { DispatchMetrics } from './metrics/dispatch-metrics';

/** Everything the registry's domain functions need from the outside world. */
export interface RegistryDeps {
  db: Db;
  /** The pool under `db`: dispatch's per-event queries are plain SQL, a fraction of Prisma's cost. */
  sql: SqlPool;
  /** Every call to a plugin, under PLUGIN_ALLOWED_ADDRESSES and PLUGIN_TIMEOUT_MAX_MS. */
  pluginHttp: PluginHttpClient;
  logger: Logger;
  dispatch: DispatchSettings;
  metrics: DispatchMetrics;
  access: AccessSettings;
  registration: RegistrationSettings;
  /** This process, as the ledger names the holder of a lease. */
  instanceId: string;
  /** The delivery job queue (pg-boss) on the same database. */
  queue: DeliveryQueue;
  /** Keeps the leases of the events this process delivers alive. */
  leases: LeaseKeeper;
  notifications: DeliveryNotifications;
  /** Closes the pool, the queue and the plugin HTTP client. */
  close(): Promise<void>;
}

export interface RegistrationSettings {
  /** Which breaking changes a registration may make (REGISTRATION_BREAKING_POLICY). */
  breakingPolicy: RegistrationBreakingPolicy;
}

export interface DispatchSettings extends CircuitSettings {
  /** Events of one sync batch in flight at once. */
  concurrency: number;
  /** Deadline of one plugin call, covering connect, headers and body. */
  timeoutMs: number;
  /** Most an action's own `timeout_ms` may ask for. */
  timeoutMaxMs: number;
  /** How long a sync request delivers an event before answering `retrying` (all attempts). */
  eventDeadlineMs: number;
  /** Delays before each attempt, the first included (PLUGIN_RETRY_SCHEDULE). */
  retrySchedule: readonly number[];
  /** A plugin whose every delivery failed this long is disabled. */
  autoDisableAfterMs: number;
  /** A plugin's deliveries in flight at once across every worker, unless it sets its own. */
  defaultMaxInFlight: number;
  /** Events one worker delivers at once. */
  workerConcurrency: number;
}
