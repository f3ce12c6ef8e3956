/**
 * PostgreSQL text and jsonb cannot hold U+0000, and jsonb refuses the `\uD800`-style escapes
 * JSON.stringify writes for lone surrogates. The stored copy replaces both with U+FFFD, so a
 * payload or plugin answer containing them is still recorded (the plugin received the original).
 */
export function toStorableJson(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, item: unknown) => {
    if (typeof item === 'string') return toStorableText(item);
    if (isPlainObject(item) && Object.keys(item).some((key) => toStorableText(key) !== key)) {
      return Object.fromEntries(
        Object.entries(item).map(([key, inner]) => [toStorableText(key), inner]),
      );
    }
    return item;
  });
}

// With the `u` flag a surrogate pair is one (astral) code point, so only lone halves match.
const LONE_SURROGATES = /\p{Cs}/gu;

export function toStorableText(text: string): string {
  return text.replaceAll('\u0000', '\uFFFD').replace(LONE_SURROGATES, '\uFFFD');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
