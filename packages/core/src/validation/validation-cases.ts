import { type ActionDefinition, actionInputSchema } from '@registry/contracts';
import { boundaryValues } from './boundary-cases';
import { describeJsonValue, type JsonSchema, sampleValue, wrongTypeValue } from './sample-payload';

/** What the validator needs of a registered action (as the registry answers it). */
export type ActionUnderTest = Pick<
  ActionDefinition,
  | 'action_type'
  | 'endpoint'
  | 'required_fields'
  | 'optional_fields'
  | 'input_schema'
  | 'output_schema'
  | 'timeout_ms'
  | 'examples'
>;

export interface ValidationCase {
  name: string;
  expect: 'accepted' | 'rejected';
  payload: Record<string, unknown>;
}

/**
 * The calls made to one action: the required fields only and every field (both must be
 * accepted), then each required field left out and each typed field given another JSON type
 * (each must be rejected with a 4xx), then each field at and past its schema's edges (bounds,
 * lengths, minItems, enum, format): the edge itself accepted, the value past it rejected.
 * Payloads vary the action's first example when it declares one (its values are ones the
 * plugin knows, such as a customer its setup gave points), else a sample of the schema.
 */
export function validationCases(action: ActionUnderTest): ValidationCase[] {
  // The generator's view of the schema: the keywords it reads, typed.
  const schema = actionInputSchema(action) as JsonSchema;
  const example = action.examples?.[0]?.payload;
  const sample = sampleValue(schema, 'payload', 'all') as Record<string, unknown>;
  const full = { ...sample, ...example };
  const required = new Set(action.required_fields);
  const minimal = example
    ? Object.fromEntries(Object.entries(example).filter(([field]) => required.has(field)))
    : (sampleValue(schema, 'payload', 'required') as Record<string, unknown>);
  const cases: ValidationCase[] = [
    { name: 'valid payload (required fields)', expect: 'accepted', payload: minimal },
  ];
  if (Object.keys(full).length > Object.keys(minimal).length) {
    cases.push({ name: 'valid payload (every field)', expect: 'accepted', payload: full });
  }
  for (const field of action.required_fields) {
    const { [field]: _left, ...payload } = minimal;
    cases.push({ name: `missing required field ${field}`, expect: 'rejected', payload });
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const wrong = wrongTypeValue(property);
    if (wrong === undefined) continue;
    cases.push({
      name: `${field} of the wrong type (${describeJsonValue(wrong)})`,
      expect: 'rejected',
      payload: { ...full, [field]: wrong },
    });
  }
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    for (const edge of boundaryValues(property, full[field])) {
      cases.push({
        name: `${field} ${edge.label}`,
        expect: edge.expect,
        payload: { ...full, [field]: edge.value },
      });
    }
  }
  return cases;
}
