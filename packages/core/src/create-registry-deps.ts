import { createDb, createPool } from '@registry/db';
import { accessSettingsFrom } from './auth/local-access';
import { createPluginCircuits } from './dispatch/plugin-circuits';
import { parseAddressAllowList } from './http/address-policy';
import { createPluginHttpClient } from './http/plugin-http-client';
import { createLogger } from './logger';
import { createDispatchMetrics } from './metrics/dispatch-metrics';
import {
  DEFAULT_DISPATCH_SETTINGS,
  type DispatchSettings,
  type RegistryDeps,
} from './registry-deps';

type Env = Record<string, string | undefined>;

/**
 * Builds the registry's dependencies from the environment of the process hosting it; tests may
 * supply their own plugin HTTP client (e.g. with an injected resolver).
 */
export function createRegistryDeps(
  env: Env = process.env,
  overrides: Partial<Pick<RegistryDeps, 'pluginHttp'>> = {},
): RegistryDeps {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_URL is not set. Start the product with `pnpm start` (embedded database) ' +
        'or set DATABASE_URL to a PostgreSQL database.',
    );
  }
  const sql = createPool(databaseUrl);
  const logger = createLogger(env.LOG_LEVEL);
  const metrics = createDispatchMetrics();
  const dispatch = dispatchSettingsFrom(env);
  const addressPolicy = parseAddressAllowList(env.PLUGIN_ALLOWED_ADDRESSES);
  return {
    db: createDb(sql),
    sql,
    pluginHttp:
      overrides.pluginHttp ??
      createPluginHttpClient({ addressPolicy, maxTimeoutMs: dispatch.timeoutMaxMs }),
    logger,
    access: accessSettingsFrom(env),
    dispatch,
    metrics,
    circuits: createPluginCircuits(dispatch, (plugin, circuit) => {
      metrics.circuitChanged(plugin.slug, circuit.state);
      logger.warn({ tenantId: plugin.tenantId, plugin: plugin.slug, circuit }, 'plugin circuit');
    }),
  };
}

/** Dispatch's settings from PLUGIN_* and DISPATCH_* variables, defaults for those unset. */
export function dispatchSettingsFrom(env: Env): DispatchSettings {
  const setting = (name: string, key: keyof DispatchSettings) =>
    positiveInt(env, name, DEFAULT_DISPATCH_SETTINGS[key]);
  return {
    concurrency: setting('DISPATCH_CONCURRENCY', 'concurrency'),
    timeoutMs: setting('PLUGIN_TIMEOUT_MS', 'timeoutMs'),
    timeoutMaxMs: setting('PLUGIN_TIMEOUT_MAX_MS', 'timeoutMaxMs'),
    eventDeadlineMs: setting('PLUGIN_EVENT_DEADLINE_MS', 'eventDeadlineMs'),
    maxAttempts: setting('PLUGIN_MAX_ATTEMPTS', 'maxAttempts'),
    baseDelayMs: setting('PLUGIN_RETRY_BASE_MS', 'baseDelayMs'),
    maxDelayMs: setting('PLUGIN_RETRY_MAX_MS', 'maxDelayMs'),
    circuitThreshold: setting('PLUGIN_CIRCUIT_THRESHOLD', 'circuitThreshold'),
    circuitCooldownMs: setting('PLUGIN_CIRCUIT_COOLDOWN_MS', 'circuitCooldownMs'),
  };
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
