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
  return schema.maxLength === undefined ? text : text.slice(0, Math.max(schema.maxLength, 0));
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
  return integer ? Math.ceil(value) : value;
}
