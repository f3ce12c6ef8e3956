import { type Logger, pino } from 'pino';

/** Structured JSON logs; `LOG_LEVEL` picks the level (default `info`, `silent` in tests). */
export function createLogger(level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service: 'plugin-action-registry' } });
}

export type { Logger };
