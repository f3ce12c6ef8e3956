import { type ActionDefinition, actionInputSchema, type BreakingChange } from '@registry/contracts';
import { schemaNarrowings } from './schema-narrowings';

/**
 * The changes from one registered set to the next that can break a caller: an action removed,
 * its endpoint moved, or its input schema (registered, or implied by its field lists) refusing
 * a payload it accepted. Everything else (new actions, optional fields, titles, descriptions,
 * categories, loosened constraints, output and dry-run metadata, examples, deprecation) is not
 * breaking, nor is removing a deprecated action whose sunset day has passed.
 */
export function breakingChanges(
  previous: readonly ActionDefinition[],
  next: readonly ActionDefinition[],
  now = new Date(),
): BreakingChange[] {
  const after = new Map(next.map((action) => [action.action_type, action]));
  const today = now.toISOString().slice(0, 10);
  return previous.flatMap((old): BreakingChange[] => {
    const action_type = old.action_type;
    const current = after.get(action_type);
    if (current === undefined) {
      if (old.deprecated && old.sunset !== undefined && old.sunset < today) return [];
      return [{ action_type, change: 'action_removed', path: '', detail: 'action removed' }];
    }
    const found: BreakingChange[] = [];
    if (current.endpoint !== old.endpoint) {
      const detail = `endpoint changed from ${old.endpoint} to ${current.endpoint}`;
      found.push({ action_type, change: 'endpoint_changed', path: 'endpoint', detail });
    }
    const narrowings = schemaNarrowings(
      actionInputSchema(old),
      actionInputSchema(current),
      'input_schema',
    );
    return [...found, ...narrowings.map((narrowing) => ({ action_type, ...narrowing }))];
  });
}
