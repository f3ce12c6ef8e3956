import { setTimeout as sleep } from 'node:timers/promises';
import type { Attempt } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { PluginHttpClient } from '../http/plugin-http-client';
import { webhookHeaders } from '../http/webhook-signature';
import { type RetrySettings, retryDelay } from './retry-policy';

/** A retry is only worth it with at least this much of the event's deadline left after waiting. */
const MIN_ATTEMPT_MS = 100;

export interface PluginDelivery {
  url: string;
  /** The serialised payload: exactly the bytes that are signed and sent. */
  body: string;
  /** The event's idempotency key, sent as `webhook-id` so the plugin can drop repeats. */
  webhookId: string;
  secrets: readonly string[];
  headers: Record<string, string>;
  attemptTimeoutMs: number;
  /** `performance.now()` by which the event's last attempt must be over. */
  deadline: number;
}

export type DeliveryResult =
  | { ok: true; body: unknown; attempts: Attempt[] }
  | { ok: false; failure: EventFailure; attempts: Attempt[] };

/** Called after each attempt, with the wait before the next one when there will be one. */
export type AttemptListener = (attempt: Attempt, retryInMs: number | undefined) => void;

/**
 * Calls the plugin until it answers, the failure is final, attempts run out or the deadline
 * nears. Each attempt is signed afresh and gets the smaller of its own timeout and the time
 * the event has left; every attempt is recorded.
 */
export async function deliverPluginEvent(
  http: PluginHttpClient,
  retry: RetrySettings,
  delivery: PluginDelivery,
  onAttempt: AttemptListener = () => {},
): Promise<DeliveryResult> {
  const attempts: Attempt[] = [];
  const minAttemptMs = Math.min(delivery.attemptTimeoutMs, MIN_ATTEMPT_MS);
  for (let number = 1; ; number++) {
    const timeoutMs = Math.min(delivery.attemptTimeoutMs, delivery.deadline - performance.now());
    if (timeoutMs < minAttemptMs && number === 1) {
      const failure = new EventFailure('TIMEOUT', 'The event had no time left to call the plugin');
      return { ok: false, failure, attempts };
    }
    const startedAt = new Date().toISOString();
    const started = performance.now();
    const attempt = (reason: EventFailure['code'] | null, httpStatus: number | undefined) => ({
      number,
      reason,
      http_status: httpStatus ?? null,
      duration_ms: Math.round((performance.now() - started) * 100) / 100,
      started_at: startedAt,
    });
    try {
      const headers = {
        ...delivery.headers,
        ...webhookHeaders(delivery.secrets, delivery.webhookId, delivery.body),
      };
      const response = await http.postJson(delivery.url, delivery.body, { timeoutMs, headers });
      attempts.push(attempt(null, response.status));
      onAttempt(attempts[attempts.length - 1] as Attempt, undefined);
      return { ok: true, body: response.body, attempts };
    } catch (error) {
      // The HTTP client reports every plugin failure as an EventFailure; anything else is ours.
      if (!(error instanceof EventFailure)) throw error;
      const failure = error;
      attempts.push(attempt(failure.code, failure.httpStatus));
      const remaining = delivery.deadline - performance.now();
      const delay = retryDelay(failure, number, retry, remaining, minAttemptMs);
      onAttempt(attempts[attempts.length - 1] as Attempt, delay);
      if (delay === undefined) return { ok: false, failure, attempts };
      await sleep(delay);
    }
  }
}
