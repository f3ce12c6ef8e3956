import { type ActionDefinition, missingRequiredFields, summarizeIssues } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { RegistryDeps } from '../registry-deps';
import {
  type DeliveryResult,
  deliverPluginEvent,
  type PluginDelivery,
} from './deliver-plugin-event';
import type { PluginRecord } from './dispatch-target';
import { findPayloadProblem } from './payload-validators';

export interface PluginCall {
  tenantId: string;
  flowExecutionId: string;
  plugin: PluginRecord;
  action: ActionDefinition;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  /** `performance.now()` by which the event must be over, retries included. */
  deadline: number;
}

/**
 * Checks the action's required fields and, when it registered an input schema, the payload's
 * types (a schema derived from field lists accepts any value, so none is checked), then
 * delivers the payload to the plugin's endpoint through the plugin's circuit breaker, with
 * retries. Throws an EventFailure when the event
 * cannot be sent at all.
 */
export async function callPluginAction(
  deps: Pick<RegistryDeps, 'pluginHttp' | 'dispatch' | 'circuits' | 'metrics' | 'logger'>,
  call: PluginCall,
): Promise<DeliveryResult> {
  const { plugin, action, payload } = call;
  // With a schema, `null` is a value the schema judges (a nullable field takes it); without
  // one, the seed's rule holds: absent, undefined and null are missing.
  const missing =
    action.input_schema === undefined
      ? missingRequiredFields(action.required_fields, payload)
      : action.required_fields.filter((field) => payload[field] === undefined);
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'field' : 'fields';
    throw new EventFailure(
      'MISSING_REQUIRED_FIELDS',
      `Missing required ${noun}: ${missing.join(', ')} for action ${action.action_type}`,
    );
  }
  if (action.input_schema !== undefined) {
    const problem = findPayloadProblem(plugin.id, action.action_type, action.input_schema, payload);
    if (problem) {
      throw new EventFailure(
        'INVALID_PAYLOAD',
        `Invalid payload for ${action.action_type}: ${summarizeIssues([problem])}`,
      );
    }
  }
  if (!plugin.api_endpoint) {
    throw new EventFailure(
      'PLUGIN_NOT_CONFIGURED',
      `Plugin ${plugin.slug} has no api_endpoint to send ${action.action_type} to`,
    );
  }
  const { dispatch, metrics, logger } = deps;
  const delivery: PluginDelivery = {
    url: joinPluginUrl(plugin.api_endpoint, action.endpoint),
    body: JSON.stringify(payload),
    webhookId: call.idempotencyKey,
    secrets: plugin.secrets,
    headers: { 'x-flow-execution-id': call.flowExecutionId, 'x-action-type': action.action_type },
    attemptTimeoutMs: Math.min(action.timeout_ms ?? dispatch.timeoutMs, dispatch.timeoutMaxMs),
    deadline: call.deadline,
  };
  const context = {
    tenantId: call.tenantId,
    flowExecutionId: call.flowExecutionId,
    eventKey: call.idempotencyKey,
    plugin: plugin.slug,
    actionType: action.action_type,
  };
  const circuitPlugin = { id: plugin.id, slug: plugin.slug, tenantId: call.tenantId };
  const delivered = await deps.circuits.run(circuitPlugin, () =>
    deliverPluginEvent(deps.pluginHttp, dispatch, delivery, (attempt, retryInMs) => {
      metrics.attemptFinished(plugin.slug, attempt.reason ?? 'success', attempt.duration_ms);
      if (attempt.reason && retryInMs !== undefined) {
        metrics.retryScheduled(plugin.slug, attempt.reason);
        const { number, reason, http_status } = attempt;
        logger.info(
          { ...context, attempt: number, reason, httpStatus: http_status, retryInMs },
          'plugin call failed; retrying',
        );
      }
    }),
  );
  return delivered ?? { ok: false, failure: circuitOpen(deps, plugin), attempts: [] };
}

function circuitOpen(deps: Pick<RegistryDeps, 'circuits'>, plugin: PluginRecord): EventFailure {
  const until = deps.circuits.get(plugin.id)?.half_open_at;
  return new EventFailure(
    'CIRCUIT_OPEN',
    `Plugin ${plugin.slug} keeps failing, so its circuit is open: not called` +
      (until ? ` (a trial call is allowed from ${until})` : ''),
  );
}

/** `https://host/base/` + `/actions/x` → `https://host/base/actions/x` (a path below the base). */
export function joinPluginUrl(apiEndpoint: string, endpoint: string): string {
  return apiEndpoint.replace(/\/+$/, '') + endpoint;
}
