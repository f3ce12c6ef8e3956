import { missingRequiredFields, summarizeIssues } from '@registry/contracts';
import { EventFailure } from '../errors/event-failure';
import { platformPayloadProblem } from '../platform/run-platform-action';
import type { DispatchTarget } from './dispatch-target';
import { findPayloadProblem } from './payload-validators';

/**
 * Why an event cannot be sent at all, decided before it is accepted (so an async caller hears
 * it at once, and nothing is queued for it); undefined when it can go. For a plugin action:
 * its required fields, then its `input_schema` when it registered one (a schema derived from
 * field lists accepts any value, so none is checked), and an endpoint to send to.
 */
export function refusalOf(
  target: DispatchTarget,
  payload: Record<string, unknown>,
): EventFailure | undefined {
  if (target.kind === 'unroutable') return target.failure;
  if (target.kind === 'platform') return platformPayloadProblem(target.action, payload);
  const { plugin, action } = target;
  // With a schema, `null` is a value the schema judges (a nullable field takes it); without
  // one, the seed's rule holds: absent, undefined and null are missing.
  const missing =
    action.input_schema === undefined
      ? missingRequiredFields(action.required_fields, payload)
      : action.required_fields.filter((field) => payload[field] === undefined);
  if (missing.length > 0) {
    const noun = missing.length === 1 ? 'field' : 'fields';
    return new EventFailure(
      'MISSING_REQUIRED_FIELDS',
      `Missing required ${noun}: ${missing.join(', ')} for action ${action.action_type}`,
    );
  }
  if (action.input_schema !== undefined) {
    const problem = findPayloadProblem(plugin.id, action.action_type, action.input_schema, payload);
    if (problem) {
      return new EventFailure(
        'INVALID_PAYLOAD',
        `Invalid payload for ${action.action_type}: ${summarizeIssues([problem])}`,
      );
    }
  }
  if (!plugin.api_endpoint) {
    return new EventFailure(
      'PLUGIN_NOT_CONFIGURED',
      `Plugin ${plugin.slug} has no api_endpoint to send ${action.action_type} to`,
    );
  }
  return undefined;
}
