import { createDb, createPool } from '@registry/db';
import { accessSettingsFrom } from './auth/local-access';
import { parseAddressAllowList } from './http/address-policy';
import { createPluginHttpClient } from './http/plugin-http-client';
import { createLogger } from './logger';
import { DEFAULT_DISPATCH_SETTINGS, type RegistryDeps } from './registry-deps';

type Env = Record<string, string | undefined>;

/** Builds the registry's dependencies from the environment of the process hosting it. */
export function createRegistryDeps(env: Env = process.env): RegistryDeps {
  const databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    throw new Error(
      'DATABASE_URL is not set. Start the product with `pnpm start` (embedded database) ' +
        'or set DATABASE_URL to a PostgreSQL database.',
    );
  }
  const sql = createPool(databaseUrl);
  return {
    db: createDb(sql),
    sql,
    pluginHttp: createPluginHttpClient({
      addressPolicy: parseAddressAllowList(env.PLUGIN_ALLOWED_ADDRESSES),
    }),
    logger: createLogger(env.LOG_LEVEL),
    access: accessSettingsFrom(env),
    dispatch: {
      concurrency: positiveInt(env, 'DISPATCH_CONCURRENCY', DEFAULT_DISPATCH_SETTINGS.concurrency),
      timeoutMs: positiveInt(env, 'PLUGIN_TIMEOUT_MS', DEFAULT_DISPATCH_SETTINGS.timeoutMs),
    },
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
