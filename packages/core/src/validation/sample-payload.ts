import RandExp from 'randexp';
import { RE2JS } from 're2js';

/**
 * Deterministic payloads from an action's JSON Schema: the subset zod 4's `z.toJSONSchema`
 * writes for a z.object (types, formats, enums, bounds, arrays, nested objects, defaults).
 * The same schema always gives the same payload, so a failing check can be replayed by hand.
 */
export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  multipleOf?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const FORMAT_SAMPLES: Record<string, string> = {
  email: 'validator@example.com',
  uri: 'https://example.com/validator',
  url: 'https://example.com/validator',
  date: '2026-01-15',
  'date-time': '2026-01-15T12:00:00Z',
  time: '12:00:00',
  uuid: '00000000-0000-4000-8000-000000000000',
  guid: '00000000-0000-4000-8000-000000000000',
  duration: 'P1D',
  e164: '+15550100123',
  ipv4: '192.0.2.10',
  ipv6: '2001:db8::10',
  cidrv4: '192.0.2.0/24',
  cidrv6: '2001:db8::/32',
  hostname: 'shop.example.com',
  base64: 'c2FtcGxl',
  base64url: 'c2FtcGxl',
  emoji: '🙂',
  nanoid: 'V1StGXR8_Z5jdHi6B-myT',
  cuid: 'cjld2cjxh0000qzrmn831i7rn',
  cuid2: 'tz4a98xxat96iws9zmbrgj3a',
  ulid: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  xid: '9m4e2mr0ui3e8a215n4g',
  ksuid: '0ujtsYcgvSTl8PAuAdqWYSMnLOv',
  jwt: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ2YWxpZGF0b3IifQ.c2lnbmF0dXJl',
};

/** A valid value; for an object, `fields: 'required'` leaves out every optional property. */
export function sampleValue(
  schema: JsonSchema,
  name = 'value',
  fields: 'required' | 'all' = 'all',
): unknown {
  if ('const' in schema) return schema.const;
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const branch = (schema.anyOf ?? schema.oneOf)?.find((option) => primaryType(option) !== 'null');
  if (branch) return sampleValue(branch, name, fields);
  switch (primaryType(schema)) {
    case 'string':
      return sampleString(schema, name);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const count = Math.max(schema.minItems ?? 0, 1);
      return Array.from({ length: count }, (_, i) =>
        sampleValue(schema.items ?? {}, `${name}_${i + 1}`, fields),
      );
    }
    case 'object': {
      const required = new Set(schema.required ?? []);
      const entries = Object.entries(schema.properties ?? {}).filter(
        ([key]) => fields === 'all' || required.has(key),
      );
      return Object.fromEntries(entries.map(([key, value]) => [key, sampleValue(value, key)]));
    }
    default:
      return `sample-${name}`;
  }
}

/** A value of another JSON type than the property declares, or undefined when any type goes. */
export function wrongTypeValue(schema: JsonSchema): unknown {
  switch (primaryType(schema)) {
    case 'string':
      return 12345;
    case 'integer':
    case 'number':
      return 'not-a-number';
    case 'boolean':
      return 'not-a-boolean';
    case 'array':
      return 'not-an-array';
    case 'object':
      return 'not-an-object';
    default:
      return undefined;
  }
}

/** Names the JSON type of a wrong value for a report line: `number 12345`. */
export function describeJsonValue(value: unknown): string {
  return typeof value === 'string' ? `string ${JSON.stringify(value)}` : `${typeof value} ${value}`;
}

function primaryType(schema: JsonSchema): string | undefined {
  if (Array.isArray(schema.type)) return schema.type.find((type) => type !== 'null');
  return schema.type;
}

function sampleString(schema: JsonSchema, name: string): string {
  const formatted = schema.format ? FORMAT_SAMPLES[schema.format] : undefined;
  if (formatted) return formatted;
  let text = `sample-${name}`;
  while (text.length < (schema.minLength ?? 0)) text += 'x';
  text = schema.maxLength === undefined ? text : text.slice(0, Math.max(schema.maxLength, 0));
  return schema.pattern ? sampleMatching(schema.pattern, text) : text;
}

/**
 * A string the pattern accepts: the readable sample when it already fits, else the shortest
 * string randexp builds from the pattern (always the lowest choice, so it is deterministic).
 */
function sampleMatching(pattern: string, readable: string): string {
  const matches = (text: string) => {
    try {
      return RE2JS.compile(pattern).matcher(text).find();
    } catch {
      return new RegExp(pattern, 'u').test(text);
    }
  };
  if (matches(readable)) return readable;
  const generator = new RandExp(pattern);
  generator.randInt = (low: number) => low;
  generator.max = 3;
  return generator.gen();
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  let value = integer ? 1 : 1.5;
  if (schema.minimum !== undefined) value = Math.max(value, schema.minimum);
  if (schema.exclusiveMinimum !== undefined) {
    value = Math.max(value, schema.exclusiveMinimum + step);
  }
  if (schema.maximum !== undefined) value = Math.min(value, schema.maximum);
  if (schema.exclusiveMaximum !== undefined) {
    value = Math.min(value, schema.exclusiveMaximum - step);
  }
  value = integer ? Math.ceil(value) : value;
  // The first multiple at or above the value (the bounds above are rarely that tight).
  return schema.multipleOf ? Math.ceil(value / schema.multipleOf) * schema.multipleOf : value;
}
