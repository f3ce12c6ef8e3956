import type { ActionDefinition, Attempt } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { PluginHttpClient } from '../http/plugin-http-client';
import { webhookHeaders } from '../http/webhook-signature';
import type { PluginRecord } from '../plugins/store';

/** One signed call of a plugin's action: what every attempt of an event sends. */
export interface PluginCall {
  url: string;
  /** The serialised payload: exactly the bytes that are signed and sent. */
  body: string;
  /** The event's idempotency key, sent as `webhook-id` so the plugin can drop repeats. */
  webhookId: string;
  secrets: readonly string[];
  headers: Record<string, string>;
  timeoutMs: number;
}

export function pluginCall(
  plugin: PluginRecord & { api_endpoint: string },
  action: ActionDefinition,
  event: { payload: Record<string, unknown>; webhookId: string; flowExecutionId: string },
  timeouts: { timeoutMs: number; timeoutMaxMs: number },
): PluginCall {
  return {
    url: joinPluginUrl(plugin.api_endpoint, action.endpoint),
    body: JSON.stringify(event.payload),
    webhookId: event.webhookId,
    secrets: plugin.secrets,
    headers: { 'x-flow-execution-id': event.flowExecutionId, 'x-action-type': action.action_type },
    timeoutMs: Math.min(action.timeout_ms ?? timeouts.timeoutMs, timeouts.timeoutMaxMs),
  };
}

export type AttemptResult =
  | { ok: true; body: unknown; attempt: Attempt }
  | { ok: false; failure: EventFailure; attempt: Attempt };

/** One attempt: signed afresh (a new timestamp), within `timeoutMs`, recorded either way. */
export async function attemptPluginCall(
  http: PluginHttpClient,
  call: PluginCall,
  number: number,
  timeoutMs = call.timeoutMs,
): Promise<AttemptResult> {
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
    const headers = { ...call.headers, ...webhookHeaders(call.secrets, call.webhookId, call.body) };
    const response = await http.postJson(call.url, call.body, { timeoutMs, headers });
    return { ok: true, body: response.body, attempt: attempt(null, response.status) };
  } catch (error) {
    // The HTTP client reports every plugin failure as an EventFailure; anything else is ours.
    if (!(error instanceof EventFailure)) throw error;
    return { ok: false, failure: error, attempt: attempt(error.code, error.httpStatus) };
  }
}

/** `https://host/base/` + `/actions/x` → `https://host/base/actions/x` (a path below the base). */
export function joinPluginUrl(apiEndpoint: string, endpoint: string): string {
  return apiEndpoint.replace(/\/+$/, '') + endpoint;
}
