import type { ActionDefinition, ActionFieldChange, RegistrationDiff } from '@registry/contracts';
import { breakingChanges } from './breaking-changes';
import { sameJson } from './same-json';

/**
 * What a registration changes from the set before it: actions added and removed, and for each
 * changed action every field that changed, down to the schema keyword
 * (`input_schema.properties.amount.maximum`). Lists (`required`, `enum`) change as one value.
 * `breaking_changes` says which of them can break callers.
 */
export function diffRegistrations(
  previous: readonly ActionDefinition[],
  next: readonly ActionDefinition[],
): RegistrationDiff {
  const before = new Map(previous.map((action) => [action.action_type, action]));
  const after = new Set(next.map((action) => action.action_type));
  const diff: RegistrationDiff = {
    added: [],
    removed: [],
    changed: [],
    breaking_changes: breakingChanges(previous, next),
  };
  for (const action of next) {
    const old = before.get(action.action_type);
    if (old === undefined) {
      diff.added.push(action.action_type);
      continue;
    }
    const changes = diffJson('', old, action);
    if (changes.length > 0) diff.changed.push({ action_type: action.action_type, changes });
  }
  for (const action of previous) {
    if (!after.has(action.action_type)) diff.removed.push(action.action_type);
  }
  return diff;
}

/**
 * Field lists are sets: their order is no change. With an input schema they are derived from
 * its properties, which the database (jsonb) hands back in its own key order.
 */
const FIELD_LISTS = new Set(['required_fields', 'optional_fields']);

function diffJson(path: string, before: unknown, after: unknown): ActionFieldChange[] {
  if (sameJson(before, after)) return [];
  if (FIELD_LISTS.has(path) && sameMembers(before, after)) return [];
  if (!isObject(before) || !isObject(after)) return [{ path, change: 'changed', before, after }];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => {
    const at = path === '' ? key : `${path}.${key}`;
    if (!Object.hasOwn(before, key)) return [{ path: at, change: 'added', after: after[key] }];
    if (!Object.hasOwn(after, key)) return [{ path: at, change: 'removed', before: before[key] }];
    return diffJson(at, before[key], after[key]);
  });
}

function sameMembers(before: unknown, after: unknown): boolean {
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) {
    return false;
  }
  const members = new Set(before);
  return after.every((item) => members.has(item));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
