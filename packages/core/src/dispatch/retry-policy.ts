import type { EventFailure } from '../errors/event-failure';

export interface RetrySettings {
  /** Calls per event, the first included. */
  maxAttempts: number;
  /** Backoff before retry n is a random delay up to base × 2^(n-1), capped at maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Failures that say the plugin is unreachable or struggling rather than refusing this event:
 * worth another attempt, and what the circuit breaker counts. A 2xx answer that was too large
 * or not JSON is not here: the plugin may have done the work.
 */
export function isTransientFailure(failure: EventFailure): boolean {
  switch (failure.code) {
    case 'TIMEOUT':
    case 'CONNECTION_REFUSED':
    case 'CONNECTION_RESET':
    case 'DNS':
    case 'NETWORK_ERROR':
    case 'HTTP_5XX':
      return true;
    case 'HTTP_4XX':
      return failure.httpStatus === 429;
    default:
      return false;
  }
}

/**
 * How long to wait before the next attempt, or undefined when the failure is final: not
 * transient, out of attempts, or the wait (the plugin's `Retry-After`, else exponential backoff
 * with full jitter) would leave less than `minAttemptMs` of the event's deadline.
 */
export function retryDelay(
  failure: EventFailure,
  attempt: number,
  settings: RetrySettings,
  remainingMs: number,
  minAttemptMs: number,
  random: () => number = Math.random,
): number | undefined {
  if (attempt >= settings.maxAttempts || !isTransientFailure(failure)) return undefined;
  const ceiling = Math.min(settings.maxDelayMs, settings.baseDelayMs * 2 ** (attempt - 1));
  const delay = failure.retryAfterMs ?? Math.round(random() * ceiling);
  return remainingMs - delay >= minAttemptMs ? delay : undefined;
}
