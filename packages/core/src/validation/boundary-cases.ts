import type { JsonSchema } from './sample-payload';

/** One value at a schema's edge: inside it must be accepted, outside it refused. */
export interface BoundaryValue {
  label: string;
  expect: 'accepted' | 'rejected';
  value: unknown;
}

/**
 * The edges of one top-level property, each to be sent in an otherwise valid payload: a bound
 * itself (inside) and the first value past it (outside), a length at and past its limit, an
 * array one item short, an enum outsider, a format violation. A lax plugin that takes −5 for a
 * positive integer is caught here; the zod schema the SDK enforces refuses every outsider.
 */
export function boundaryValues(property: JsonSchema, sample: unknown): BoundaryValue[] {
  const type = Array.isArray(property.type)
    ? property.type.find((each) => each !== 'null')
    : property.type;
  if (property.enum && property.enum.length > 0) return enumOutsider(property.enum);
  if (type === 'integer' || type === 'number') return numberEdges(property, type === 'integer');
  if (type === 'string') return stringEdges(property);
  if (type === 'array' && property.minItems && Array.isArray(sample)) {
    const short = sample.slice(0, property.minItems - 1);
    return [
      {
        label: `${short.length} item${short.length === 1 ? '' : 's'} (minItems ${property.minItems})`,
        expect: 'rejected',
        value: short,
      },
    ];
  }
  return [];
}

function enumOutsider(values: unknown[]): BoundaryValue[] {
  if (!values.every((value) => typeof value === 'string')) return [];
  const outsider = `${values[0]}-outsider`;
  return [{ label: `"${outsider}", not one of the enum`, expect: 'rejected', value: outsider }];
}

function numberEdges(schema: JsonSchema, integer: boolean): BoundaryValue[] {
  const edges: BoundaryValue[] = [];
  const step = integer ? 1 : 0.5;
  const fits = (value: number) => !schema.multipleOf || value % schema.multipleOf === 0;
  const { exclusiveMinimum, exclusiveMaximum, multipleOf } = schema;
  // zod writes the safe-integer range for every int: that is not a limit the author chose.
  const minimum = authored(schema.minimum);
  const maximum = authored(schema.maximum);
  if (minimum !== undefined) {
    if (fits(minimum)) edges.push(inside(`${minimum}, its minimum`, minimum));
    edges.push(outside(`${minimum - step}, below its minimum ${minimum}`, minimum - step));
  }
  if (exclusiveMinimum !== undefined) {
    if (integer && fits(exclusiveMinimum + 1)) {
      edges.push(
        inside(`${exclusiveMinimum + 1}, just above its exclusive minimum`, exclusiveMinimum + 1),
      );
    }
    edges.push(outside(`${exclusiveMinimum}, its exclusive minimum`, exclusiveMinimum));
  }
  if (maximum !== undefined) {
    if (fits(maximum)) edges.push(inside(`${maximum}, its maximum`, maximum));
    edges.push(outside(`${maximum + step}, above its maximum ${maximum}`, maximum + step));
  }
  if (exclusiveMaximum !== undefined) {
    if (integer && fits(exclusiveMaximum - 1)) {
      edges.push(
        inside(`${exclusiveMaximum - 1}, just below its exclusive maximum`, exclusiveMaximum - 1),
      );
    }
    edges.push(outside(`${exclusiveMaximum}, its exclusive maximum`, exclusiveMaximum));
  }
  if (multipleOf !== undefined && !integer) {
    edges.push(outside(`${multipleOf * 1.5}, not a multiple of ${multipleOf}`, multipleOf * 1.5));
  } else if (multipleOf !== undefined && multipleOf > 1) {
    const offBy = multipleOf + 1;
    edges.push(outside(`${offBy}, not a multiple of ${multipleOf}`, offBy));
  }
  return edges;
}

function authored(bound: number | undefined): number | undefined {
  return bound !== undefined && Math.abs(bound) >= Number.MAX_SAFE_INTEGER ? undefined : bound;
}

function stringEdges(schema: JsonSchema): BoundaryValue[] {
  const edges: BoundaryValue[] = [];
  if (schema.format) {
    const value = `not a valid ${schema.format}!`;
    edges.push(outside(`${JSON.stringify(value)}, not in format ${schema.format}`, value));
  }
  // A length edge must not break a format or pattern, or the check would test those instead.
  const free = !schema.format && !schema.pattern;
  const { minLength, maxLength } = schema;
  if (minLength !== undefined && minLength > 0) {
    if (free) edges.push(inside(`${characters(minLength)}, its minLength`, 'x'.repeat(minLength)));
    edges.push(
      outside(`${characters(minLength - 1)} (minLength ${minLength})`, 'x'.repeat(minLength - 1)),
    );
  }
  if (maxLength !== undefined) {
    if (free) edges.push(inside(`${characters(maxLength)}, its maxLength`, 'x'.repeat(maxLength)));
    edges.push(
      outside(`${characters(maxLength + 1)} (maxLength ${maxLength})`, 'x'.repeat(maxLength + 1)),
    );
  }
  return edges;
}

const inside = (label: string, value: unknown): BoundaryValue => ({
  label,
  expect: 'accepted',
  value,
});
const outside = (label: string, value: unknown): BoundaryValue => ({
  label,
  expect: 'rejected',
  value,
});

const characters = (count: number) => `${count} character${count === 1 ? '' : 's'}`;
