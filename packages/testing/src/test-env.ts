import { inject } from 'vitest';

/**
 * The environment tests build their registry from: this run's database, quiet logs, the one
 * non-public address their plugin servers use (127.0.0.1) allowed, as in development, and a
 * retry schedule of seconds rather than hours (three attempts, 200 and 400 ms apart), so an
 * event out of attempts is `dead` within a test. The default schedule is tested on its own.
 */
export function testEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: inject('databaseUrl'),
    LOG_LEVEL: 'silent',
    PLUGIN_ALLOWED_ADDRESSES: '127.0.0.1',
    PLUGIN_RETRY_SCHEDULE: '0s,200ms,400ms',
    ...extra,
  };
}
