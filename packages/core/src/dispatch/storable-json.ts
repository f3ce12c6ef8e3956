/**
 * PostgreSQL text and jsonb cannot hold U+0000. The stored copy replaces it with U+FFFD, so a
 * payload or plugin answer containing it is still recorded (the plugin received the original).
 */
export function toStorableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) => {
    if (typeof item === 'string') return toStorableText(item);
    if (isPlainObject(item) && Object.keys(item).some(hasNul)) {
      return Object.fromEntries(
        Object.entries(item).map(([key, inner]) => [toStorableText(key), inner]),
      );
    }
    return item;
  });
}

export function toStorableText(text: string): string {
  return hasNul(text) ? text.replaceAll('\u0000', '\uFFFD') : text;
}

function hasNul(text: string): boolean {
  return text.includes('\u0000');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
