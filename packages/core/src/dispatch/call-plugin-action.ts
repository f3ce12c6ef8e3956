import { type ActionDefinition, missingRequiredFields } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import type { PluginHttpClient } from '../http/plugin-http-client';
import type { PluginRecord } from './dispatch-target';

export interface PluginCall {
  plugin: PluginRecord;
  action: ActionDefinition;
  payload: Record<string, unknown>;
  flowExecutionId: string;
  timeoutMs: number;
}

/** Checks the action's required fields, then POSTs the payload to the plugin's endpoint. */
export async function callPluginAction(http: PluginHttpClient, call: PluginCall): Promise<unknown> {
  const { plugin, action, payload } = call;
  const missing = missingRequiredFields(action.required_fields, payload);
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'field' : 'fields';
    throw new EventFailure(
      'MISSING_REQUIRED_FIELDS',
      `Missing required ${noun}: ${missing.join(', ')} for action ${action.action_type}`,
    );
  }
  if (!plugin.api_endpoint) {
    throw new EventFailure(
      'PLUGIN_NOT_CONFIGURED',
      `Plugin ${plugin.slug} has no api_endpoint to send ${action.action_type} to`,
    );
  }
  const response = await http.postJson(
    joinPluginUrl(plugin.api_endpoint, action.endpoint),
    payload,
    {
      timeoutMs: call.timeoutMs,
      headers: {
        'x-flow-execution-id': call.flowExecutionId,
        'x-action-type': action.action_type,
      },
    },
  );
  return response.body;
}

/** `https://host/base/` + `/actions/x` → `https://host/base/actions/x` (a path below the base). */
export function joinPluginUrl(apiEndpoint: string, endpoint: string): string {
  return apiEndpoint.replace(/\/+$/, '') + endpoint;
}
