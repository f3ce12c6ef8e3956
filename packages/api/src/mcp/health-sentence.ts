import type { ActionHealth } from '@registry/contracts';

/**
 * An action's health in one line of its tool description, for a model choosing between tools:
 * e.g. "24h: 98% of 120 calls succeeded, p95 ≤ 500 ms; circuit open."
 */
export function healthSentence(health: ActionHealth): string {
  const circuit = health.circuit === 'closed' ? '' : `; circuit ${health.circuit}`;
  if (health.calls === 0 || health.success_rate === null) return `24h: no calls${circuit}.`;
  const percent = Math.round(health.success_rate * 1000) / 10;
  const calls = `${health.calls} call${health.calls === 1 ? '' : 's'}`;
  return `24h: ${percent}% of ${calls} succeeded, p95 ≤ ${health.p95_ms} ms${circuit}.`;
}
