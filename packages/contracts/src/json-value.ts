import { z } from 'zod';

/** Deepest nesting accepted in caller payloads and plugin answers. */
export const MAX_JSON_DEPTH = 64;

export const UNSTORABLE_TEXT_MESSAGE = 'must not contain U+0000 (NUL) or unpaired surrogates';

/** PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses unpaired surrogates. */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && text.isWellFormed();
}

/** A string the database can store, or a 400 naming the field. */
export function storableString() {
  return z.string().refine(isStorableText, UNSTORABLE_TEXT_MESSAGE);
}

/**
 * Whether a parsed JSON value nests objects/arrays deeper than `maxDepth`. Iterative, so an
 * adversarially deep value cannot overflow the stack while being checked.
 */
export function exceedsJsonDepth(value: unknown, maxDepth = MAX_JSON_DEPTH): boolean {
  return walkJson(value, (text, depth) => text === undefined && depth > maxDepth);
}

/** Whether any key or string inside a JSON value is text the database cannot store. */
export function hasUnstorableText(value: unknown): boolean {
  return walkJson(value, (text) => text !== undefined && !isStorableText(text));
}

/** A JSON object that fits in a jsonb column: storable text, bounded depth. */
export function storableJsonObject() {
  return z
    .record(z.string(), z.unknown())
    .refine((value) => !exceedsJsonDepth(value), {
      message: `must not nest deeper than ${MAX_JSON_DEPTH} levels`,
    })
    .refine((value) => !hasUnstorableText(value), { message: UNSTORABLE_TEXT_MESSAGE });
}

/** Visits every container (with its depth) and every key and string; stops when `stop` says so. */
function walkJson(value: unknown, stop: (text: string | undefined, depth: number) => boolean) {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (typeof current === 'string') {
      if (stop(current, depth)) return true;
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (stop(undefined, depth + 1)) return true;
    for (const [key, child] of Object.entries(current)) {
      if (!Array.isArray(current) && stop(key, depth)) return true;
      stack.push([child, depth + 1]);
    }
  }
  return false;
}
