import type { Attempt, DryRunRequest } from '@registry/contracts';
import type { DeliverableTarget } from '../dispatch/dispatch-target';
import { EventFailure } from '../errors/event-failure';
import { webhookHeaders } from '../http/webhook-signature';
import { addMissingSigningSecrets } from '../plugins/plugin-secrets';
import type { RegistryDeps } from '../registry-deps';
import { attemptPluginCall, type PluginCall, pluginCall } from './plugin-call';
import { circuitGate } from './plugin-delivery-state';

/** What a dry run of a plugin event learned; `failure` when it would not go through. */
export interface PluginDryRun {
  request: DryRunRequest;
  attempts: Attempt[];
  result?: unknown;
  failure?: EventFailure;
}

/** Header telling a plugin that supports dry runs to check the call and not act. */
export const DRY_RUN_HEADER = 'webhook-dry-run';

/**
 * A plugin event as far as the call: the circuit must be closed (or due a trial), then an
 * action that `supports_dry_run` gets one signed call with `webhook-dry-run: true` (never
 * retried; its `webhook-id` is the dry run's own, so the real event is not taken for a repeat),
 * and any other action is not called: its URL is resolved and checked against the address
 * policy, and the answer shows the request that would be sent. Writes nothing: no circuit
 * verdict, no rate slot, no trial claimed (a plugin without a signing secret gets one).
 */
export async function dryRunPluginEvent(
  deps: Pick<RegistryDeps, 'sql' | 'pluginHttp' | 'dispatch'>,
  target: DeliverableTarget & { kind: 'plugin' },
  event: {
    executionId: string;
    webhookId: string;
    flowExecutionId: string;
    payload: Record<string, unknown>;
  },
): Promise<PluginDryRun> {
  const { plugin, action } = target;
  const calls = action.supports_dry_run === true;
  const call = pluginCall(
    { ...plugin, api_endpoint: plugin.api_endpoint ?? '' },
    action,
    {
      payload: event.payload,
      webhookId: calls ? `dry_${event.executionId}` : event.webhookId,
      flowExecutionId: event.flowExecutionId,
    },
    deps.dispatch,
  );
  if (calls) call.headers = { ...call.headers, [DRY_RUN_HEADER]: 'true' };
  const request = shownRequest(call, event.payload);
  const gate = circuitGate(plugin.delivery_state);
  if (gate.kind === 'hold') {
    const failure = new EventFailure(
      'CIRCUIT_OPEN',
      `Plugin ${plugin.slug} keeps failing, so its circuit is open: it would not be called before ${gate.until.toISOString()}`,
    );
    return { request, attempts: [], failure };
  }
  if (!calls) {
    try {
      await deps.pluginHttp.checkAddress(call.url);
      return { request, attempts: [], result: null };
    } catch (error) {
      if (!(error instanceof EventFailure)) throw error;
      return { request, attempts: [], failure: error };
    }
  }
  // A plugin registered through the API has had a secret since; only one inserted around it
  // gets one here, as its first real call would.
  await addMissingSigningSecrets(deps.sql, [plugin]);
  const answer = await attemptPluginCall(deps.pluginHttp, { ...call, secrets: plugin.secrets }, 1);
  return answer.ok
    ? { request, attempts: [answer.attempt], result: answer.body }
    : { request, attempts: [answer.attempt], failure: answer.failure };
}

/** The call as sent, its signature redacted: a dry run's answer must not hand one out. */
function shownRequest(call: PluginCall, payload: Record<string, unknown>): DryRunRequest {
  const signed = webhookHeaders([], call.webhookId, call.body);
  return {
    method: 'POST',
    url: call.url,
    headers: {
      'content-type': 'application/json',
      ...call.headers,
      ...signed,
      'webhook-signature': 'v1,<redacted>',
    },
    body: payload,
  };
}
