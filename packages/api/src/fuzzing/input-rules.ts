import fc from 'fast-check';
import {
  badInputs,
  notAnArray,
  notAnIdentifier,
  notAnObject,
  notAString,
  tooLong,
  unstorable,
} from './bad-inputs';

const validAction = {
  action_type: 'fuzz_action',
  title: 'Fuzz action',
  description: 'A valid action that each case breaks in one place',
  category: 'email',
  required_fields: ['user_id'],
  optional_fields: ['note'],
  endpoint: '/actions/fuzz',
  timeout_ms: 1000,
};
export const VALID_REGISTRATION = { actions: [validAction] };

const action = (field: string) => ['actions', 0, field] as const;

/** An input schema agreeing with validAction's fields, whose `user_id` property is `property`. */
const schemaWithUserId = (property: unknown) => ({
  type: 'object',
  properties: { user_id: property, note: {} },
  required: ['user_id'],
});
const badInputSchemas = fc.oneof(
  notAnObject,
  fc.constantFrom(
    { type: 'array', properties: {} },
    { type: 'object' },
    { type: 'object', properties: [] },
  ),
  fc
    .constantFrom(
      'string',
      { type: 'text' },
      { type: ['string', 1] },
      { minimum: '1' },
      { maxLength: -1 },
      { pattern: '(' },
      { enum: [] },
      { properties: [] },
      { items: 'string' },
      { anyOf: [] },
      { $ref: '#/$defs/missing' },
    )
    .map(schemaWithUserId),
  unstorable.map((description) => schemaWithUserId({ description })),
  tooLong(70_000).map((description) => schemaWithUserId({ description })),
  fc.integer({ min: 33, max: 500 }).map((depth) => {
    let property: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < depth; i++) property = { type: 'object', properties: { a: property } };
    return schemaWithUserId(property);
  }),
);
const tooManyActions = fc.constant(
  Array.from({ length: 501 }, (_, n) => ({ ...validAction, action_type: `fuzz_${n}` })),
);

/** Registration bodies wrong in one field each. */
export const badRegistrations = badInputs(
  VALID_REGISTRATION,
  [
    { path: ['actions'], invalid: fc.oneof(notAnArray, tooManyActions), required: true },
    { path: ['actions', 0], invalid: notAnObject },
    {
      path: action('action_type'),
      invalid: fc.oneof(notAString, notAnIdentifier, tooLong(100)),
      required: true,
    },
    {
      path: action('title'),
      invalid: fc.oneof(notAString, fc.constantFrom('', '   '), tooLong(200), unstorable),
      required: true,
    },
    { path: action('description'), invalid: fc.oneof(notAString, tooLong(2000), unstorable) },
    { path: action('category'), invalid: fc.oneof(notAString, notAnIdentifier, tooLong(50)) },
    {
      path: action('required_fields'),
      invalid: fc.oneof(
        notAnArray,
        fc.constantFrom([''], ['has space'], ['dup', 'dup'], [1], [null]),
        fc
          .integer({ min: 101, max: 20_000 })
          .map((n) => Array.from({ length: n }, (_, i) => `f${i}`)),
      ),
      required: true,
    },
    {
      path: [...action('required_fields'), 0],
      invalid: fc.oneof(notAString, fc.constantFrom('', 'a b', '\t'), unstorable),
    },
    { path: action('optional_fields'), invalid: fc.oneof(notAnArray, fc.constant(['user_id'])) },
    {
      path: action('endpoint'),
      invalid: fc.oneof(
        notAString,
        fc.constantFrom(
          'relative',
          '//evil.example/x',
          '/a/../b',
          '/%2e%2e/x',
          '/a b',
          '/a\\b',
          '/.',
        ),
        tooLong(500).map((s) => `/${s}`),
        unstorable.map((s) => `/${s}`),
      ),
      required: true,
    },
    { path: action('input_schema'), invalid: badInputSchemas },
    {
      path: action('timeout_ms'),
      invalid: fc.oneof(
        fc.constantFrom('1000', true, null, {}, [], 0, -1, 1.5, 300_001),
        fc.double({ min: 300_001, noNaN: true, noDefaultInfinity: true }),
      ),
    },
  ],
  [[], ['actions', 0]],
);

const validEvent = {
  action_type: 'create_task',
  plugin_id: '87312788-df51-4002-8eca-9cfc3e3f7d8e',
  idempotency_key: 'fuzz-key-1',
  payload: { title: 'Fuzz' },
};
export const VALID_DISPATCH = { flow_execution_id: 'fuzz-flow', events: [validEvent] };
const event = (field: string) => ['events', 0, field] as const;
const deepPayload = fc.integer({ min: 65, max: 1000 }).map((depth) => {
  let value: Record<string, unknown> = {};
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
});

/** Dispatch requests wrong in one field each. */
export const badDispatches = badInputs(
  VALID_DISPATCH,
  [
    {
      path: ['flow_execution_id'],
      invalid: fc.oneof(
        notAString,
        fc.constantFrom('', 'a\nb', '\u007f'),
        tooLong(200),
        unstorable,
      ),
    },
    {
      path: ['events'],
      invalid: fc.oneof(
        notAnArray,
        fc.constant([]),
        fc.constant(Array.from({ length: 1001 }, () => validEvent)),
      ),
      required: true,
    },
    { path: ['events', 0], invalid: notAnObject },
    {
      path: event('action_type'),
      invalid: fc.oneof(notAString, notAnIdentifier, tooLong(100)),
      required: true,
    },
    {
      path: event('plugin_id'),
      invalid: fc.oneof(
        notAString.filter((value) => value !== null),
        fc.string({ maxLength: 40 }),
        fc.constant('87312788-df51-4002-8eca-9cfc3e3f7d8'),
      ),
    },
    {
      path: event('idempotency_key'),
      invalid: fc.oneof(
        notAString,
        fc.constantFrom('', 'has space', 'ünïcode', 'tab\there'),
        tooLong(255),
      ),
    },
    {
      path: event('payload'),
      invalid: fc.oneof(
        notAnObject.filter((value) => value !== undefined),
        deepPayload,
      ),
    },
  ],
  [[], ['events', 0]],
);

/** A NUL inside: a query string carries it (as %00), unlike a lone surrogate. */
const withNul = fc.string({ maxLength: 20 }).map((text) => `${text}\u0000`);

/** Discovery query parameters, each refused (unknown parameters are ignored, so none here). */
export const badDiscoveryQueries = fc.oneof(
  fc.record({
    field: fc.constant('category'),
    value: fc.oneof(
      notAnIdentifier.filter((s) => s !== ''),
      tooLong(50),
    ),
  }),
  fc.record({ field: fc.constant('plugin'), value: fc.oneof(tooLong(64), withNul) }),
  fc.record({ field: fc.constant('search'), value: fc.oneof(tooLong(200), withNul) }),
  fc.record({
    field: fc.constant('limit'),
    value: fc.constantFrom('abc', '0', '-5', '1001', '1.5', '1e9', 'NaN', ' 5x', '5 5'),
  }),
  fc.record({
    field: fc.constant('cursor'),
    value: fc.oneof(
      tooLong(500),
      fc.constantFrom('not-a-cursor', 'e30', 'eyJzb3VyY2UiOiJ4In0', '%%%'),
    ),
  }),
);
