import type { Db, SqlPool } from '@registry/db';
import type { Logger } from 'pino';
import type { AccessSettings } from './auth/local-access';
import type { PluginCircuits } from './dispatch/plugin-circuits';
import type { RetrySettings } from './dispatch/retry-policy';
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
  /** This process's circuit breaker per plugin. */
  circuits: PluginCircuits;
  metrics: DispatchMetrics;
  access: AccessSettings;
}

export interface DispatchSettings extends RetrySettings {
  /** Events of one batch in flight at once. */
  concurrency: number;
  /** Deadline of one plugin call, covering connect, headers and body. */
  timeoutMs: number;
  /** Most an action's own `timeout_ms` may ask for. */
  timeoutMaxMs: number;
  /** Deadline of one event across all its attempts and the waits between them. */
  eventDeadlineMs: number;
  /** Consecutive failed events that open a plugin's circuit, and how long it stays open. */
  circuitThreshold: number;
  circuitCooldownMs: number;
}

export const DEFAULT_DISPATCH_SETTINGS: DispatchSettings = {
  concurrency: 50,
  timeoutMs: 10_000,
  timeoutMaxMs: 30_000,
  eventDeadlineMs: 30_000,
  maxAttempts: 3,
  baseDelayMs: 200,
  maxDelayMs: 5_000,
  circuitThreshold: 5,
  circuitCooldownMs: 30_000,
};
