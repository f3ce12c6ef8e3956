import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import {
  DEFAULT_RETRY_SCHEDULE,
  parseDuration,
  parseRetrySchedule,
  REGISTRATION_BREAKING_POLICIES,
  type RegistrationBreakingPolicy,
} from '@registry/contracts';
import { createDb, createPool } from '@registry/db';
import { accessSettingsFrom } from './auth/local-access';
import { createDeliveryNotifications } from './delivery/delivery-notifications';
import { createDeliveryQueue } from './delivery/delivery-queue';
import { createLeaseKeeper } from './delivery/lease-keeper';
import { parseAddressAllowList } from './http/address-policy';
import { createPluginHttpClient } from './http/plugin-http-client';
import { createLogger } from './logger';
import { createDispatchMetrics } from './metrics/dispatch-metrics';
import type { DispatchSettings, RegistrationSettings, RegistryDeps } from './registry-deps';

type Env = Record<string, string | undefined>;

/** Settings that existed before the retry schedule replaced them: refused with the way forward. */
const REPLACED_SETTINGS = ['PLUGIN_MAX_ATTEMPTS', 'PLUGIN_RETRY_BASE_MS', 'PLUGIN_RETRY_MAX_MS'];

/**
 * Builds the registry's dependencies from the environment of the process hosting it; tests may
 * supply their own plugin HTTP client (e.g. with an injected resolver). `supervise`: this
 * process also watches the queue for jobs whose worker died (workers do).
 */
export function createRegistryDeps(
  env: Env = process.env,
  overrides: Partial<Pick<RegistryDeps, 'pluginHttp'>> & { supervise?: boolean } = {},
): RegistryDeps {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_URL is not set. Start the product with `pnpm start` (embedded database) ' +
        'or set DATABASE_URL to a PostgreSQL database.',
    );
  }
  const dispatch = dispatchSettingsFrom(env);
  const sql = createPool(databaseUrl);
  const logger = createLogger(env.LOG_LEVEL);
  const addressPolicy = parseAddressAllowList(env.PLUGIN_ALLOWED_ADDRESSES);
  const pluginHttp =
    overrides.pluginHttp ??
    createPluginHttpClient({ addressPolicy, maxTimeoutMs: dispatch.timeoutMaxMs });
  const instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const queue = createDeliveryQueue(databaseUrl, {
    supervise: overrides.supervise ?? false,
    onError: (error) => logger.error({ err: error }, 'delivery queue error'),
  });
  const db = createDb(sql);
  return {
    db,
    sql,
    pluginHttp,
    logger,
    access: accessSettingsFrom(env),
    registration: registrationSettingsFrom(env),
    dispatch,
    metrics: createDispatchMetrics(),
    instanceId,
    queue,
    leases: createLeaseKeeper(sql, instanceId, logger),
    notifications: createDeliveryNotifications(databaseUrl),
    async close() {
      await queue.stop();
      await pluginHttp.close();
      await db.$disconnect();
    },
  };
}

/** Registration's settings: REGISTRATION_BREAKING_POLICY, `refuse-used` unless set. */
export function registrationSettingsFrom(env: Env): RegistrationSettings {
  const raw = env.REGISTRATION_BREAKING_POLICY?.trim() || 'refuse-used';
  if (!(REGISTRATION_BREAKING_POLICIES as readonly string[]).includes(raw)) {
    throw new Error(
      `REGISTRATION_BREAKING_POLICY must be one of ${REGISTRATION_BREAKING_POLICIES.join(', ')}, got "${raw}"`,
    );
  }
  return { breakingPolicy: raw as RegistrationBreakingPolicy };
}

/** Dispatch's settings from PLUGIN_* and DISPATCH_* variables, defaults for those unset. */
export function dispatchSettingsFrom(env: Env): DispatchSettings {
  for (const name of REPLACED_SETTINGS) {
    if (env[name] !== undefined && env[name] !== '') {
      throw new Error(
        `${name} is no longer read: set PLUGIN_RETRY_SCHEDULE (e.g. "0s,200ms,1s") instead`,
      );
    }
  }
  return {
    concurrency: positiveInt(env, 'DISPATCH_CONCURRENCY', 50),
    timeoutMs: positiveInt(env, 'PLUGIN_TIMEOUT_MS', 10_000),
    timeoutMaxMs: positiveInt(env, 'PLUGIN_TIMEOUT_MAX_MS', 30_000),
    eventDeadlineMs: positiveInt(env, 'PLUGIN_EVENT_DEADLINE_MS', 30_000),
    circuitThreshold: positiveInt(env, 'PLUGIN_CIRCUIT_THRESHOLD', 5),
    circuitCooldownMs: positiveInt(env, 'PLUGIN_CIRCUIT_COOLDOWN_MS', 30_000),
    retrySchedule: retrySchedule(env.PLUGIN_RETRY_SCHEDULE),
    autoDisableAfterMs: duration(env, 'PLUGIN_AUTO_DISABLE_AFTER', '5d'),
    defaultMaxInFlight: Math.min(positiveInt(env, 'PLUGIN_MAX_IN_FLIGHT', 10), 100),
    workerConcurrency: positiveInt(env, 'WORKER_CONCURRENCY', 50),
  };
}

function retrySchedule(raw: string | undefined): number[] {
  const parsed = parseRetrySchedule(raw?.trim() || DEFAULT_RETRY_SCHEDULE);
  if (typeof parsed === 'string') throw new Error(`PLUGIN_RETRY_SCHEDULE: ${parsed}`);
  return parsed;
}

function duration(env: Env, name: string, fallback: string): number {
  const raw = env[name]?.trim() || fallback;
  const ms = parseDuration(raw);
  if (ms === undefined || ms <= 0)
    throw new Error(`${name} must be a duration like 5d or 12h, got "${raw}"`);
  return ms;
}

function positiveInt(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive integer, got "${raw}"`);
  }
  return value;
}
