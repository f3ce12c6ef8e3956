import type { EventFailure } from '../errors/event-failure';

/**
 * Failures that say the plugin is unreachable or struggling rather than refusing this event:
 * worth another attempt, and what the circuit breaker counts. A 2xx answer that was too large
 * or not JSON is not here: the plugin may have done the work. 410 and other 4xx are final.
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
      return failure.httpStatus === 429 || failure.httpStatus === 408;
    default:
      return false;
  }
}

/**
 * The wait before the next attempt after a transient failure, or undefined when the schedule
 * is out of attempts (`attemptsMade` of this schedule's `schedule.length`). Each scheduled delay
 * gets ±10 % jitter, so plugins recovering from an outage are not hit by every retry at once;
 * the plugin's `Retry-After` wins when it asks for longer.
 */
export function nextAttemptDelay(
  schedule: readonly number[],
  attemptsMade: number,
  failure: EventFailure,
  random: () => number = Math.random,
): number | undefined {
  const scheduled = schedule[attemptsMade];
  if (scheduled === undefined) return undefined;
  const jittered = Math.round(scheduled * (0.9 + 0.2 * random()));
  return Math.max(jittered, failure.retryAfterMs ?? 0);
}
