import type { JsonSchemaNode } from '@registry/contracts';

/** JSON Schema bounds, as a reader writes them: `> 0`, `≤ 100` (zod's safe-integer ones left out). */
const BOUNDS: [keyword: string, symbol: string][] = [
  ['exclusiveMinimum', '>'],
  ['minimum', '≥'],
  ['exclusiveMaximum', '<'],
  ['maximum', '≤'],
];

/**
 * A field's type and constraints in a few words (`number, > 0`; `one of "standard", "express",
 * default "standard"`), from its input-schema property; without one, the plugin takes any value.
 */
export function fieldSummary(property: JsonSchemaNode | undefined): string {
  if (!property) return 'any value';
  const parts = [typeOf(property)];
  for (const [keyword, symbol] of BOUNDS) {
    const bound = property[keyword];
    if (typeof bound === 'number' && Math.abs(bound) !== Number.MAX_SAFE_INTEGER) {
      parts.push(`${symbol} ${bound}`);
    }
  }
  const length = lengthOf(property);
  if (length) parts.push(length);
  // A format says it better than the pattern zod writes beside it (an email's is 100 characters).
  if (typeof property.pattern === 'string' && property.format === undefined) {
    parts.push(`matching ${property.pattern}`);
  }
  if (property.default !== undefined) parts.push(`default ${JSON.stringify(property.default)}`);
  return parts.join(', ');
}

function typeOf(property: JsonSchemaNode): string {
  if (Array.isArray(property.enum)) {
    return `one of ${property.enum.map((value) => JSON.stringify(value)).join(', ')}`;
  }
  if (property.const !== undefined) return `always ${JSON.stringify(property.const)}`;
  const types = [property.type ?? []].flat();
  const type = types.length > 0 ? types.join(' or ') : 'any value';
  if (typeof property.format === 'string') return `${type} (${property.format})`;
  if (types.includes('array') && typeof property.items === 'object') {
    return `array of ${typeOf(property.items)}`;
  }
  return type;
}

function lengthOf(property: JsonSchemaNode): string | undefined {
  const [min, max, unit] =
    property.minItems !== undefined || property.maxItems !== undefined
      ? [property.minItems, property.maxItems, 'item']
      : [property.minLength, property.maxLength, 'character'];
  const units = (count: number) => `${count} ${unit}${count === 1 ? '' : 's'}`;
  if (typeof min === 'number' && typeof max === 'number') return `${min}–${units(max)}`;
  if (min === 1 && unit === 'character') return 'not empty';
  if (typeof min === 'number') return `at least ${units(min)}`;
  if (typeof max === 'number') return `at most ${units(max)}`;
  return undefined;
}
