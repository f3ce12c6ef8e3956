import { randomUUID } from 'node:crypto';
import { request } from 'undici';
import type { AddressPolicy } from '../http/address-policy';
import { createGuardedAgent } from '../http/guarded-agent';
import { webhookHeaders } from '../http/webhook-signature';

/** What one call to a plugin endpoint came to. */
export interface CallOutcome {
  /** Null when no answer came (timeout, refused connection, address not allowed). */
  status: number | null;
  /** Whether the body parsed as JSON (an empty body does not). */
  json: boolean;
  latency_ms: number;
  timed_out: boolean;
  /** The body's start, or why no answer came. */
  detail: string;
}

export interface EndpointCaller {
  call(url: string, payload: unknown, timeoutMs: number): Promise<CallOutcome>;
  close(): Promise<void>;
}

/**
 * Calls plugin endpoints as dispatch does: JSON POSTs signed with the plugin's secrets
 * (Standard Webhooks), redirects not followed, and every address checked against the policy
 * inside the connection's own DNS resolution, so only allowed addresses are ever contacted.
 */
export function createEndpointCaller(options: {
  policy: AddressPolicy;
  signingSecrets: readonly string[];
}): EndpointCaller {
  const agent = createGuardedAgent({
    policy: options.policy,
    connections: 4,
    keepAliveTimeout: 1000,
  });
  return {
    async call(url, payload, timeoutMs) {
      const body = JSON.stringify(payload);
      const id = `validate_${randomUUID()}`;
      const signature =
        options.signingSecrets.length > 0 ? webhookHeaders(options.signingSecrets, id, body) : {};
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const response = await request(url, {
          method: 'POST',
          dispatcher: agent,
          signal,
          headers: {
            'content-type': 'application/json',
            accept: 'application/json',
            'user-agent': 'registry-validate-plugin',
            'x-flow-execution-id': 'validate-plugin',
            ...signature,
          },
          body,
        });
        const text = (await response.body.text()).slice(0, 1024 * 1024);
        return {
          status: response.statusCode,
          json: isJson(text),
          latency_ms: elapsed(),
          timed_out: false,
          detail: excerpt(text),
        };
      } catch (error) {
        const timedOut = signal.aborted;
        const detail = timedOut
          ? `no answer within ${timeoutMs} ms`
          : error instanceof Error
            ? error.message
            : String(error);
        return { status: null, json: false, latency_ms: elapsed(), timed_out: timedOut, detail };
      }
    },
    close: () => agent.close(),
  };
}

function isJson(text: string): boolean {
  if (text.trim() === '') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 160 ? `${flat.slice(0, 157)}...` : flat || '(empty body)';
}
