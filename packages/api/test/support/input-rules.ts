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
/** A schema whose `user_id` property is one of `properties`, refused at `at` inside it. */
const userIdProperty = (at: readonly string[], ...properties: unknown[]) => ({
  at: ['properties', 'user_id', ...at],
  invalid: fc.constantFrom(...properties).map(schemaWithUserId),
});
/** Input schemas refused as a whole: not an object, or over a limit. */
const badInputSchemas = fc.oneof(
  notAnObject,
  fc.constant(schemaWithUserId({ $ref: '#/$defs/missing' })),
  unstorable.map((description) => schemaWithUserId({ description })),
  tooLong(70_000).map((description) => schemaWithUserId({ description })),
  fc.integer({ min: 33, max: 500 }).map((depth) => {
    let property: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < depth; i++) property = { type: 'object', properties: { a: property } };
    return schemaWithUserId(property);
  }),
);
/** Input schemas refused for one keyword, named by its path. */
const inputSchemasBadInside = [
  { at: ['type'], invalid: fc.constant({ type: 'array', properties: {} }) },
  {
    at: ['properties'],
    invalid: fc.constantFrom({ type: 'object' }, { type: 'object', properties: [] }),
  },
  userIdProperty([], 'string'),
  userIdProperty(['type'], { type: 'text' }, { type: ['string', 1] }),
  userIdProperty(['minimum'], { minimum: '1' }),
  userIdProperty(['maxLength'], { maxLength: -1 }),
  userIdProperty(['pattern'], { pattern: '(' }),
  userIdProperty(['enum'], { enum: [] }),
  userIdProperty(['properties'], { properties: [] }),
  userIdProperty(['items'], { items: 'string' }),
  userIdProperty(['anyOf'], { anyOf: [] }),
];
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
        fc.constant(['dup', 'dup']),
        fc
          .integer({ min: 101, max: 20_000 })
          .map((n) => Array.from({ length: n }, (_, i) => `f${i}`)),
      ),
      required: true,
    },
    {
      path: [...action('required_fields'), 0],
      invalid: fc.oneof(notAString, fc.constantFrom('', 'has space', 'a b', '\t'), unstorable),
    },
    { path: action('optional_fields'), invalid: notAnArray },
    // Listed in required_fields already: the entry is named, not the list.
    { path: [...action('optional_fields'), 0], invalid: fc.constant('user_id') },
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
    {
      path: action('input_schema'),
      invalid: badInputSchemas,
      refusedInside: inputSchemasBadInside,
    },
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

/**
 * Longest query value tried: node:http refuses a request whose headers pass 16 KiB (431) before
 * any route sees it, so longer ones test the HTTP server, not the API.
 */
const LONGEST_QUERY_VALUE = 8 * 1024;

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
  fc.record({
    field: fc.constant('search'),
    value: fc.oneof(tooLong(200, LONGEST_QUERY_VALUE), withNul),
  }),
  fc.record({
    field: fc.constant('limit'),
    value: fc.constantFrom('abc', '0', '-5', '1001', '1.5', '1e9', 'NaN', ' 5x', '5 5'),
  }),
  fc.record({
    field: fc.constant('cursor'),
    value: fc.oneof(
      tooLong(500, LONGEST_QUERY_VALUE),
      fc.constantFrom('not-a-cursor', 'e30', 'eyJzb3VyY2UiOiJ4In0', '%%%'),
    ),
  }),
);
