import type { ActionDefinition, JsonSchemaNode, JsonValue } from '@registry/contracts';

/**
 * How a test-fire form takes a field's value: typed from the action's `input_schema`, or `json`
 * (text read as JSON where it parses, else as text) when the schema says nothing more.
 */
export type PayloadFieldKind = 'string' | 'number' | 'integer' | 'boolean' | 'choice' | 'json';

/** One field of a test-fire form, from an action's field lists and its input schema. */
export interface PayloadField {
  name: string;
  required: boolean;
  kind?: PayloadFieldKind;
  /** The allowed values of a `choice` field (the schema's `enum` or `const`). */
  choices?: readonly JsonValue[];
  description?: string;
  /** The schema's `default`: the form starts with it. */
  default?: JsonValue;
}

/** The form's fields: required first, each typed by its schema property when there is one. */
export function payloadFieldsOf(
  action: Pick<ActionDefinition, 'required_fields' | 'optional_fields' | 'input_schema'>,
): PayloadField[] {
  const properties = action.input_schema?.properties ?? {};
  const field = (name: string, required: boolean): PayloadField => {
    const property = Object.hasOwn(properties, name) ? properties[name] : undefined;
    if (!property) return { name, required };
    return {
      name,
      required,
      ...typeOf(property),
      ...(typeof property.description === 'string' && { description: property.description }),
      ...(property.default !== undefined && { default: property.default }),
    };
  };
  return [
    ...action.required_fields.map((name) => field(name, true)),
    ...action.optional_fields.map((name) => field(name, false)),
  ];
}

function typeOf(property: JsonSchemaNode): Pick<PayloadField, 'kind' | 'choices'> {
  if (Array.isArray(property.enum)) return { kind: 'choice', choices: property.enum };
  if (property.const !== undefined) return { kind: 'choice', choices: [property.const] };
  // `["string", "null"]` (a nullable field) is typed by its non-null type.
  const types = [property.type ?? []].flat().filter((type) => type !== 'null');
  const [type] = types;
  if (types.length === 1 && (type === 'string' || type === 'number' || type === 'boolean')) {
    return { kind: type };
  }
  if (types.length === 1 && type === 'integer') return { kind: 'integer' };
  return { kind: 'json' };
}

/**
 * A value as an operator types it: JSON where it parses (`0`, `true`, `{"a": 1}`, `"0"`), else
 * the text itself, so plain words need no quotes. Blank means "not given".
 */
export function parseFieldValue(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The inverse of `parseFieldValue`: text that reads back as the same value. */
export function formatFieldValue(value: unknown): string {
  if (value === undefined) return '';
  if (typeof value === 'string' && parseFieldValue(value) === value) return value;
  return JSON.stringify(value);
}

/**
 * The value a field's text stands for. A string field sends its text as it is (`42` stays
 * "42"); number fields send numbers (NaN where the text is not one, for the form to refuse);
 * choices are option texts made by `formatTypedFieldValue`. Blank is "not given".
 */
export function parseTypedFieldValue(field: PayloadField, text: string): unknown {
  if (field.kind === 'string') return text === '' ? undefined : text;
  if (text.trim() === '') return undefined;
  switch (field.kind) {
    case 'number':
    case 'integer':
      return Number(text);
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : parseFieldValue(text);
    case 'choice':
      return JSON.parse(text);
    default:
      return parseFieldValue(text);
  }
}

/** The inverse of `parseTypedFieldValue`: the text a field shows for a value. */
export function formatTypedFieldValue(field: PayloadField, value: unknown): string {
  if (value === undefined) return '';
  if (field.kind === 'string' && typeof value === 'string') return value;
  if ((field.kind === 'number' || field.kind === 'integer') && typeof value === 'number') {
    return String(value);
  }
  if (field.kind === 'boolean' && typeof value === 'boolean') return String(value);
  if (field.kind === 'choice') return JSON.stringify(value);
  return formatFieldValue(value);
}
