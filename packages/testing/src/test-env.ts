import { inject } from 'vitest';

/**
 * The environment tests build their registry from: this run's database, quiet logs, and the
 * one non-public address their plugin servers use (127.0.0.1) allowed, as in development.
 */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: inject('databaseUrl'),
    LOG_LEVEL: 'silent',
    PLUGIN_ALLOWED_ADDRESSES: '127.0.0.1',
    ...extra,
  };
}
