import { hostname } from 'node:os';

/** What the SDK logs about each request it answers, one line per request. */
export interface RequestLogFields {
  plugin: string;
  /** The action's `action_type`, when the request was for an action's endpoint. */
  action?: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  /** The Standard Webhooks `webhook-id`: the event's idempotency key, the same on every retry. */
  webhook_id?: string;
  /** Present when the registry sent `webhook-dry-run: true` (the action must not act). */
  dry_run?: true;
}

/**
 * Where request lines go: pino's `logger.info(fields, message)` signature, so a pino logger (or a
 * child of one) can be passed as it is.
 */
export interface RequestLogger {
  info(fields: RequestLogFields, message: string): void;
}

export const REQUEST_LOG_MESSAGE = 'plugin request';

/**
 * The default logger: one JSON line per request on stdout, in pino's shape (`level` 30 is info,
 * `time` in epoch milliseconds, `msg`), so `pino-pretty` and log shippers read it as pino's own.
 */
export function jsonLineLogger(
  write: (line: string) => void = (line) => process.stdout.write(line),
): RequestLogger {
  const base = { pid: process.pid, hostname: hostname() };
  return {
    info(fields, message) {
      write(
        `${JSON.stringify({ level: 30, time: Date.now(), ...base, ...fields, msg: message })}\n`,
      );
    },
  };
}
