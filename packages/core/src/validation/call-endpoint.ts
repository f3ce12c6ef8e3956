import { randomUUID } from 'node:crypto';
import { EventFailure } from '../errors/event-failure';
import { excerpt, type PluginHttpClient } from '../http/plugin-http-client';
import { webhookHeaders } from '../http/webhook-signature';

/** What one call to a plugin endpoint came to. */
export interface CallOutcome {
  /** Null when no answer came (timeout, refused connection, address not allowed). */
  status: number | null;
  /** Whether the body parsed as JSON (an empty body does not). */
  json: boolean;
  /** The parsed body, when it is JSON. */
  body?: unknown;
  latency_ms: number;
  timed_out: boolean;
  /** The body's start, or why no answer came. */
  detail: string;
}

/** One validation call: a payload POSTed to an endpoint URL, with its deadline. */
export type EndpointCaller = (
  url: string,
  payload: unknown,
  timeoutMs: number,
) => Promise<CallOutcome>;

/**
 * Calls plugin endpoints as dispatch does, through the same plugin HTTP client (its user agent,
 * deadline cap, body cap, no redirects, address policy), signed with the plugin's secrets
 * (Standard Webhooks); unlike dispatch, it reports any answer rather than judging it.
 */
export function createEndpointCaller(
  http: PluginHttpClient,
  signingSecrets: readonly string[],
): EndpointCaller {
  return async (url, payload, timeoutMs) => {
    const body = JSON.stringify(payload);
    const id = `validate_${randomUUID()}`;
    const signature = signingSecrets.length > 0 ? webhookHeaders(signingSecrets, id, body) : {};
    const started = performance.now();
    try {
      const answer = await http.post(url, body, {
        timeoutMs,
        headers: { 'x-flow-execution-id': 'validate-plugin', ...signature },
      });
      const parsed = parseJson(answer.text);
      return {
        status: answer.status,
        json: parsed.json,
        ...(parsed.json ? { body: parsed.body } : {}),
        latency_ms: Math.round(answer.latencyMs),
        timed_out: false,
        detail: excerpt(answer.text),
      };
    } catch (error) {
      if (!(error instanceof EventFailure)) throw error;
      return {
        status: null,
        json: false,
        latency_ms: Math.round(performance.now() - started),
        timed_out: error.code === 'TIMEOUT',
        detail: error.message,
      };
    }
  };
}

function parseJson(text: string): { json: boolean; body?: unknown } {
  if (text.trim() === '') return { json: false };
  try {
    return { json: true, body: JSON.parse(text) };
  } catch {
    return { json: false };
  }
}
