import fc from 'fast-check';

/** A caller's bad input, and the field its answer must name. */
export interface BadInput {
  value: unknown;
  /** The offending field as error messages name it: `actions[0].title`, or `body`. */
  field: string;
}

type Path = readonly (string | number)[];

/** A field and values it must refuse. `required` fields are also tried missing. */
interface FieldRule {
  path: Path;
  /** Values the answer must name at `path` itself. */
  invalid: fc.Arbitrary<unknown>;
  /** Values for `path` whose fault lies inside them: the answer must name `path` + `at`. */
  refusedInside?: readonly { at: Path; invalid: fc.Arbitrary<unknown> }[];
  required?: boolean;
}

/** Values of no JSON type a string, list or object field accepts (incl. deep nesting). */
const anyJsonScalar = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
);
const deepNesting = fc.integer({ min: 65, max: 2000 }).map((depth) => {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});
export const notAString = fc.oneof(
  anyJsonScalar,
  fc.array(fc.string(), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.string(), { maxKeys: 3 }),
  deepNesting,
);
export const notAnArray = fc.oneof(anyJsonScalar, fc.string(), fc.object({ maxDepth: 2 }));
export const notAnObject = fc.oneof(
  anyJsonScalar,
  fc.string(),
  fc.array(fc.anything(), { maxLength: 3 }),
);
/** Text the database cannot store: a NUL or an unpaired surrogate somewhere in it. */
export const unstorable = fc
  .tuple(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('\u0000', '\uD800', '\uDFFF'),
    fc.string({ maxLength: 20 }),
  )
  .map((parts) => parts.join(''));
export const tooLong = (max: number, longest = max * 50) =>
  fc.integer({ min: max + 1, max: longest }).map((length) => 'x'.repeat(length));
/** Strings that are not lowercase letters, digits, `_` and `-` (unicode, spaces, capitals...). */
export const notAnIdentifier = fc.oneof(
  fc.constant(''),
  fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
    .filter((s) => !/^[a-z0-9_-]+$/.test(s)),
);

/**
 * Mutates `base` at one rule's field: a refused value, the field missing, or an extra field;
 * each with the one field the answer must name (an extra field's object names it).
 */
export function badInputs(base: object, rules: readonly FieldRule[], objects: readonly Path[]) {
  const replaced = fc.constantFrom(...rules).chain((rule) =>
    fc.oneof(
      ...[{ at: [], invalid: rule.invalid }, ...(rule.refusedInside ?? [])].map(({ at, invalid }) =>
        invalid.map((value) => ({
          value: setAt(base, rule.path, value),
          field: name([...rule.path, ...at]),
        })),
      ),
    ),
  );
  const required = rules.filter((rule) => rule.required);
  const missing = fc
    .constantFrom(...required)
    .map((rule) => ({ value: deleteAt(base, rule.path), field: name(rule.path) }));
  const extra = fc
    .tuple(fc.constantFrom(...objects), fc.string({ minLength: 1, maxLength: 30 }))
    .filter(([path, key]) => !(key in (getAt(base, path) as object)) && key !== '__proto__')
    .map(([path, key]) => ({ value: setAt(base, [...path, key], 'extra'), field: name(path) }));
  return fc.oneof(
    { arbitrary: replaced, weight: 6 },
    { arbitrary: missing, weight: 2 },
    { arbitrary: extra, weight: 2 },
  ) as fc.Arbitrary<BadInput>;
}

function name(path: Path): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : key;
  return out || 'body';
}

function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (node, key) => (node as Record<string | number, unknown>)[key],
    value,
  );
}

function setAt(base: object, path: Path, value: unknown): object {
  const copy = structuredClone(base);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1) as string | number] = value;
  return copy;
}

function deleteAt(base: object, path: Path): object {
  const copy = structuredClone(base);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
  delete parent[path.at(-1) as string | number];
  return copy;
}
