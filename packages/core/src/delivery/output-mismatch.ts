import type { ActionDefinition, OutputMismatch } from '@registry/contracts';
import { findResultProblem } from '../dispatch/payload-validators';
import type { DispatchMetrics } from '../metrics/dispatch-metrics';
import type { PluginRecord } from '../plugins/store';

/**
 * How a plugin's successful answer breaks its action's `output_schema`, as the run's
 * `outputMismatch` (nothing when it fits, or the action has no schema). A mismatch does not fail
 * the event, since the plugin did the work; it is recorded, answered and counted.
 */
export function outputMismatchOf(
  metrics: Pick<DispatchMetrics, 'outputMismatched'>,
  plugin: Pick<PluginRecord, 'id' | 'slug'>,
  action: Pick<ActionDefinition, 'action_type' | 'output_schema'>,
  body: unknown,
): { outputMismatch?: OutputMismatch } {
  if (!action.output_schema) return {};
  const problem = findResultProblem(plugin.id, action.action_type, action.output_schema, body);
  if (!problem) return {};
  metrics.outputMismatched(action.action_type, plugin.slug);
  return { outputMismatch: [problem] };
}
