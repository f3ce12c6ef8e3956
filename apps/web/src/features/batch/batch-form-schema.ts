import { type DiscoveredAction, ZDispatchRequestSchema } from '@registry/contracts';
import { z } from 'zod';

/** Names an action of the catalog in a form field: `<plugin_id or platform>/<action_type>`. */
export function catalogKey(action: Pick<DiscoveredAction, 'plugin_id' | 'action_type'>): string {
  return `${action.plugin_id ?? 'platform'}/${action.action_type}`;
}

export interface BatchFormValues {
  flow_execution_id: string;
  events: { action_type: string; payload: string }[];
}

/**
 * The composer's form: an action picked from the catalog and a JSON payload per event, piped
 * into the dispatch request's own schema, so errors name the fields the API would name.
 */
export function batchFormSchema(catalog: ReadonlyMap<string, DiscoveredAction>) {
  return z
    .object({
      flow_execution_id: z.string(),
      events: z.array(
        z.object({ action_type: z.string().min(1, 'pick an action'), payload: z.string() }),
      ),
    })
    .transform(
      (form, ctx): DispatchRequestInput => ({
        flow_execution_id: form.flow_execution_id.trim() || undefined,
        events: form.events.map((event, index) => {
          const action = catalog.get(event.action_type);
          return {
            action_type: action?.action_type ?? event.action_type,
            plugin_id: action?.plugin_id ?? null,
            // Any JSON value; the dispatch schema below says when it is not an object.
            payload: parsePayload(event.payload, () =>
              ctx.addIssue({
                code: 'custom',
                path: ['events', index, 'payload'],
                message: 'is not valid JSON',
              }),
            ),
          };
        }),
      }),
    )
    .pipe(ZDispatchRequestSchema);
}

type DispatchRequestInput = z.input<typeof ZDispatchRequestSchema>;

function parsePayload(text: string, invalid: () => void): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    invalid();
    return {};
  }
}

/** A starting payload naming the action's required fields, for the operator to fill in. */
export function payloadTemplate(action: DiscoveredAction): string {
  const fields = Object.fromEntries(action.required_fields.map((field) => [field, '']));
  return JSON.stringify(fields, null, 2);
}
