import { describe, expect, it } from 'vitest';
import { EventFailure } from '../errors/event-failure';
import { retryAfterMs } from '../http/retry-after';
import { isTransientFailure, retryDelay } from './retry-policy';

const settings = { maxAttempts: 3, baseDelayMs: 200, maxDelayMs: 5000 };
const failure = (code: EventFailure['code'], status?: number, retryAfter?: number) =>
  new EventFailure(code, code, status, retryAfter);

describe('retry policy', () => {
  it('[RETRY][POLICY]: network errors, timeouts, 5xx and 429 are transient; other answers are final', () => {
    const transient = [
      failure('TIMEOUT'),
      failure('CONNECTION_REFUSED'),
      failure('CONNECTION_RESET'),
      failure('DNS'),
      failure('NETWORK_ERROR'),
      failure('HTTP_5XX', 502),
      failure('HTTP_4XX', 429),
    ];
    const final = [
      failure('HTTP_4XX', 410),
      failure('HTTP_4XX', 400),
      failure('REDIRECT_BLOCKED', 302),
      failure('INVALID_JSON', 200),
      failure('BODY_TOO_LARGE'),
      failure('TLS'),
    ];
    expect(transient.map(isTransientFailure)).toEqual(transient.map(() => true));
    expect(final.map(isTransientFailure)).toEqual(final.map(() => false));
  });

  it('[RETRY][BACKOFF]: full jitter up to base × 2^(n-1), capped; none after the last attempt', () => {
    const delay = (attempt: number, random: number) =>
      retryDelay(failure('HTTP_5XX', 503), attempt, settings, 60_000, 100, () => random);
    expect([delay(1, 1), delay(2, 1), delay(1, 0.5), delay(1, 0)]).toEqual([200, 400, 100, 0]);
    expect(
      retryDelay(failure('TIMEOUT'), 2, { ...settings, maxDelayMs: 300 }, 60_000, 100, () => 1),
    ).toBe(300);
    expect(delay(3, 1)).toBeUndefined();
    expect(retryDelay(failure('HTTP_4XX', 404), 1, settings, 60_000, 100)).toBeUndefined();
  });

  it('[RETRY][RETRY-AFTER]: honoured when it fits the time left, final otherwise', () => {
    const limited = failure('HTTP_4XX', 429, 1000);
    expect(retryDelay(limited, 1, settings, 5000, 100)).toBe(1000);
    expect(retryDelay(limited, 1, settings, 1050, 100)).toBeUndefined();
    expect(retryDelay(failure('TIMEOUT'), 1, settings, 150, 100, () => 1)).toBeUndefined();
  });

  it('[RETRY][RETRY-AFTER]: reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-27T12:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs('Fri, 27 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Fri, 27 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect([retryAfterMs(undefined), retryAfterMs('soon'), retryAfterMs('')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });
});
