import type { ActionDefinition, ActionFieldChange, RegistrationDiff } from '@registry/contracts';

/**
 * What a registration changes from the set before it: actions added and removed, and for each
 * changed action every field that changed, down to the schema keyword
 * (`input_schema.properties.amount.maximum`). Lists (`required`, `enum`) change as one value.
 */
export function diffRegistrations(
  previous: readonly ActionDefinition[],
  next: readonly ActionDefinition[],
): RegistrationDiff {
  const before = new Map(previous.map((action) => [action.action_type, action]));
  const after = new Set(next.map((action) => action.action_type));
  const diff: RegistrationDiff = { added: [], removed: [], changed: [] };
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

function diffJson(path: string, before: unknown, after: unknown): ActionFieldChange[] {
  if (sameJson(before, after)) return [];
  if (!isObject(before) || !isObject(after)) return [{ path, change: 'changed', before, after }];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...keys].flatMap((key) => {
    const at = path === '' ? key : `${path}.${key}`;
    if (!Object.hasOwn(before, key)) return [{ path: at, change: 'added', after: after[key] }];
    if (!Object.hasOwn(after, key)) return [{ path: at, change: 'removed', before: before[key] }];
    return diffJson(at, before[key], after[key]);
  });
}

/** Equal as JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => sameJson(item, b[index]))
    );
  }
  if (!isObject(a) || !isObject(b)) return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
