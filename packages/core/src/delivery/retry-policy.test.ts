import { parseRetrySchedule } from '@registry/contracts';
import { describe, expect, it } from 'vitest';
import { EventFailure } from '../errors/event-failure';
import { isTransientFailure, nextAttemptDelay } from './retry-policy';

const svix = parseRetrySchedule('0s,5s,5m,30m,2h,5h,10h,10h') as number[];
const unavailable = new EventFailure('HTTP_5XX', 'down', 503);

describe('the retry schedule', () => {
  it("[DELIVERY][SCHEDULE]: Svix's default waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    const middle = () => 0.5;
    const waits = [1, 2, 3, 4, 5, 6, 7].map((made) =>
      nextAttemptDelay(svix, made, unavailable, middle),
    );
    expect(waits).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(nextAttemptDelay(svix, 8, unavailable, middle)).toBeUndefined();
  });

  it('[DELIVERY][SCHEDULE]: each wait is jittered by at most 10 %, and Retry-After wins when longer', () => {
    expect(nextAttemptDelay(svix, 1, unavailable, () => 0)).toBe(4_500);
    expect(nextAttemptDelay(svix, 1, unavailable, () => 1)).toBe(5_500);
    const slowDown = new EventFailure('HTTP_4XX', 'slow down', 429, 60_000);
    expect(nextAttemptDelay(svix, 1, slowDown, () => 0.5)).toBe(60_000);
  });

  it('[DELIVERY][SCHEDULE]: schedules are read from text and refused with a reason', () => {
    expect(parseRetrySchedule('0s,2s,500ms,1m,1h,1d')).toEqual([
      0, 2_000, 500, 60_000, 3_600_000, 86_400_000,
    ]);
    expect(parseRetrySchedule('0s, 5 s')).toBe('"5 s" is not a delay like 0s, 500ms, 5m, 2h or 1d');
    expect(parseRetrySchedule('2d')).toBe('"2d" is longer than a day');
  });

  it('[DELIVERY][SCHEDULE]: 408, 429 and 5xx are retried; 410 and other 4xx are final', () => {
    expect(isTransientFailure(new EventFailure('HTTP_4XX', 'x', 429))).toBe(true);
    expect(isTransientFailure(new EventFailure('HTTP_4XX', 'x', 408))).toBe(true);
    expect(isTransientFailure(new EventFailure('HTTP_4XX', 'x', 410))).toBe(false);
    expect(isTransientFailure(new EventFailure('HTTP_4XX', 'x', 400))).toBe(false);
    expect(isTransientFailure(unavailable)).toBe(true);
    expect(isTransientFailure(new EventFailure('INVALID_JSON', 'x', 200))).toBe(false);
  });
});
