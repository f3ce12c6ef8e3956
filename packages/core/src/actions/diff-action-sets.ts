import type { ActionDefinition, RegisterActionsResponse } from '@registry/contracts';

export type ActionSetChanges = RegisterActionsResponse['changes'];

/** What a re-registration changes, by action_type: the seed of breaking-change detection. */
export function diffActionSets(
  previous: readonly ActionDefinition[],
  next: readonly ActionDefinition[],
): ActionSetChanges {
  const before = new Map(previous.map((action) => [action.action_type, JSON.stringify(action)]));
  const after = new Set(next.map((action) => action.action_type));
  const changes: ActionSetChanges = { added: [], removed: [], changed: [], unchanged: [] };
  for (const action of next) {
    const old = before.get(action.action_type);
    if (old === undefined) changes.added.push(action.action_type);
    else if (old === JSON.stringify(action)) changes.unchanged.push(action.action_type);
    else changes.changed.push(action.action_type);
  }
  for (const action of previous) {
    if (!after.has(action.action_type)) changes.removed.push(action.action_type);
  }
  return changes;
}
