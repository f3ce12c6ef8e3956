import { type ActionDefinition, ZActionDefinitionSchema } from '@registry/contracts';

export interface StoredRegistration {
  actions: ActionDefinition[];
  registered_at: string | null;
}

/**
 * Reads the `registered_actions` column. Rows written by this registry always validate; rows
 * written before it (or by hand) may not, and their invalid entries are left out rather than
 * offered to callers who could never dispatch them.
 */
export function readRegisteredActions(value: unknown): StoredRegistration {
  const record = isObject(value) ? value : {};
  const actions = Array.isArray(record.actions) ? record.actions : [];
  return {
    actions: actions.flatMap((action) => {
      const parsed = ZActionDefinitionSchema.safeParse(action);
      return parsed.success ? [parsed.data] : [];
    }),
    registered_at: typeof record.registered_at === 'string' ? record.registered_at : null,
  };
}

export function findRegisteredAction(
  value: unknown,
  actionType: string,
): ActionDefinition | undefined {
  const record = isObject(value) ? value : {};
  const actions = Array.isArray(record.actions) ? record.actions : [];
  const match = actions.find((action) => isObject(action) && action.action_type === actionType);
  if (match === undefined) return undefined;
  const parsed = ZActionDefinitionSchema.safeParse(match);
  return parsed.success ? parsed.data : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
