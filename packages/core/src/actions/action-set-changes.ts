import type {
  ActionDefinition,
  RegisterActionsResponse,
  RegistrationDiff,
} from '@registry/contracts';

export type ActionSetChanges = RegisterActionsResponse['changes'];

/**
 * The registration answer's `changes`, by action_type, read off the revision's diff so both
 * say the same: an action is `changed` exactly when the diff lists a change in it.
 */
export function actionSetChanges(
  diff: RegistrationDiff,
  next: readonly ActionDefinition[],
): ActionSetChanges {
  const changed = diff.changed.map((action) => action.action_type);
  const moved = new Set([...diff.added, ...changed]);
  return {
    added: diff.added,
    removed: diff.removed,
    changed,
    unchanged: next.map((action) => action.action_type).filter((type) => !moved.has(type)),
  };
}
