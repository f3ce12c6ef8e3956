import { actionHealth } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { healthSentence } from './health-sentence';

const health = actionHealth;

describe('healthSentence', () => {
  it('[MCP][HEALTH]: says how many calls succeeded, how fast, and an open circuit', () => {
    expect(healthSentence(health({}))).toBe('24h: no calls.');
    expect(healthSentence(health({ calls: 120, success_rate: 117 / 120, p95_ms: 500 }))).toBe(
      '24h: 97.5% of 120 calls succeeded, p95 ≤ 500 ms.',
    );
    expect(healthSentence(health({ calls: 1, success_rate: 0, p95_ms: 10, circuit: 'open' }))).toBe(
      '24h: 0% of 1 call succeeded, p95 ≤ 10 ms; circuit open.',
    );
  });
});
