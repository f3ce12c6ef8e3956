import type { BreakingChange, JsonSchemaNode } from '@registry/contracts';
import { sameJson } from './same-json';

/** A way the new schema refuses a value the old one accepted. */
export type Narrowing = Omit<BreakingChange, 'action_type'>;

/** The keywords the registry accepts (input-schema.ts), typed for comparison. */
type Keywords = JsonSchemaNode & {
  multipleOf?: number;
  uniqueItems?: boolean;
  propertyNames?: JsonSchemaNode;
  oneOf?: JsonSchemaNode[];
  allOf?: JsonSchemaNode[];
  not?: JsonSchemaNode;
};
type Node = Keywords | boolean | undefined;

/**
 * Every way `after` accepts less than `before`, keyword by keyword: a value valid under the old
 * schema may be refused under the new one. Conservative where set logic would be costly (a
 * changed `not`, an added `allOf` branch count as narrowing); annotations (title, description,
 * default, examples, unknown keywords) never narrow.
 */
export function schemaNarrowings(before: Node, after: Node, path: string): Narrowing[] {
  const old = asNode(before);
  const next = asNode(after);
  if (old === false || next === true || sameJson(old, next)) return [];
  if (next === false) return [narrowed(path, 'accepts no value any more')];
  const base = old === true ? {} : old;
  return [
    ...typeNarrowings(base, next, path),
    ...valueNarrowings(base, next, path),
    ...BOUNDS.flatMap((bound) => boundNarrowing(bound, base, next, path)),
    ...objectNarrowings(base, next, path),
    ...arrayNarrowings(base, next, path),
    ...combinatorNarrowings(base, next, path),
  ];
}

function asNode(node: Node): Keywords | boolean {
  return node === undefined ? true : node;
}

const narrowed = (path: string, detail: string): Narrowing => ({
  change: 'schema_narrowed',
  path,
  detail: `${path}: ${detail}`,
});

function types(node: Keywords): string[] | undefined {
  if (node.type === undefined) return undefined;
  return Array.isArray(node.type) ? node.type : [node.type];
}

function typeNarrowings(old: Keywords, next: Keywords, path: string): Narrowing[] {
  const after = types(next);
  if (after === undefined) return [];
  const before = types(old) ?? ['any'];
  const lost = before.filter(
    (type) => !after.includes(type) && !(type === 'integer' && after.includes('number')),
  );
  return lost.length === 0
    ? []
    : [narrowed(path, `type narrowed from ${before.join('|')} to ${after.join('|')}`)];
}

function valueNarrowings(old: Keywords, next: Keywords, path: string): Narrowing[] {
  const found: Narrowing[] = [];
  if (next.enum !== undefined) {
    const lost = old.enum?.filter((value) => !next.enum?.some((kept) => sameJson(kept, value)));
    if (old.enum === undefined) found.push(narrowed(path, `now limited to ${json(next.enum)}`));
    else if (lost && lost.length > 0) found.push(narrowed(path, `no longer accepts ${json(lost)}`));
  }
  if (next.const !== undefined && !sameJson(old.const, next.const)) {
    found.push(narrowed(path, `now must be ${json(next.const)}`));
  }
  for (const keyword of ['pattern', 'format'] as const) {
    if (next[keyword] !== undefined && next[keyword] !== old[keyword]) {
      found.push(narrowed(path, `${keyword} ${json(next[keyword])} now applies`));
    }
  }
  if (next.multipleOf !== undefined && !divides(old.multipleOf, next.multipleOf)) {
    found.push(narrowed(path, `must now be a multiple of ${next.multipleOf}`));
  }
  if (next.uniqueItems === true && old.uniqueItems !== true) {
    found.push(narrowed(path, 'items must now be unique'));
  }
  return found;
}

/** Whether every multiple of `before` is a multiple of `after`. */
function divides(before: unknown, after: number): boolean {
  return typeof before === 'number' && Number.isInteger(before / after);
}

const BOUNDS = [
  ['maximum', 'upper'],
  ['exclusiveMaximum', 'upper'],
  ['maxLength', 'upper'],
  ['maxItems', 'upper'],
  ['minimum', 'lower'],
  ['exclusiveMinimum', 'lower'],
  ['minLength', 'lower'],
  ['minItems', 'lower'],
] as const;

function boundNarrowing(
  [keyword, side]: (typeof BOUNDS)[number],
  old: Keywords,
  next: Keywords,
  path: string,
): Narrowing[] {
  const after = next[keyword];
  if (typeof after !== 'number') return [];
  const before = old[keyword];
  if (typeof before !== 'number') return [narrowed(path, `${keyword} ${after} added`)];
  const tighter = side === 'upper' ? after < before : after > before;
  return tighter
    ? [
        narrowed(
          path,
          `${keyword} ${side === 'upper' ? 'lowered' : 'raised'} from ${before} to ${after}`,
        ),
      ]
    : [];
}

function objectNarrowings(old: Keywords, next: Keywords, path: string): Narrowing[] {
  const found: Narrowing[] = [];
  const oldProperties = old.properties ?? {};
  const newProperties = next.properties ?? {};
  const oldRequired = new Set(old.required ?? []);
  for (const field of next.required ?? []) {
    if (oldRequired.has(field)) continue;
    const at = `${path}.properties.${field}`;
    found.push(
      Object.hasOwn(oldProperties, field)
        ? { change: 'field_made_required', path: at, detail: `${at}: optional field made required` }
        : { change: 'required_field_added', path: at, detail: `${at}: required field added` },
    );
  }
  for (const [field, schema] of Object.entries(oldProperties)) {
    const at = `${path}.properties.${field}`;
    if (!Object.hasOwn(newProperties, field)) {
      found.push({ change: 'field_removed', path: at, detail: `${at}: field removed` });
    } else {
      found.push(...schemaNarrowings(schema, newProperties[field], at));
    }
  }
  const extra = `${path}.additionalProperties`;
  if (!sameJson(old.additionalProperties, next.additionalProperties)) {
    found.push(...schemaNarrowings(old.additionalProperties, next.additionalProperties, extra));
  }
  if (next.propertyNames !== undefined) {
    found.push(...schemaNarrowings(old.propertyNames, next.propertyNames, `${path}.propertyNames`));
  }
  return found;
}

function arrayNarrowings(old: Keywords, next: Keywords, path: string): Narrowing[] {
  const found = schemaNarrowings(old.items, next.items, `${path}.items`);
  (next.prefixItems ?? []).forEach((item, index) => {
    const before = old.prefixItems?.[index] ?? old.items;
    found.push(...schemaNarrowings(before, item, `${path}.prefixItems.${index}`));
  });
  return found;
}

/**
 * `anyOf`/`oneOf`: each old variant must still be accepted by some new one. `allOf`: a new
 * branch narrows unless it was there before. `not`: any new or changed one narrows.
 */
function combinatorNarrowings(old: Keywords, next: Keywords, path: string): Narrowing[] {
  const found: Narrowing[] = [];
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const after = next[keyword];
    if (after === undefined) continue;
    const before = old[keyword] ?? [old];
    const lost = before.filter(
      (variant) => !after.some((kept) => schemaNarrowings(variant, kept, path).length === 0),
    );
    if (lost.length > 0)
      found.push(narrowed(`${path}.${keyword}`, 'a variant accepted before is refused'));
  }
  const added = (next.allOf ?? []).filter((branch) => !old.allOf?.some((b) => sameJson(b, branch)));
  if (added.length > 0) found.push(narrowed(`${path}.allOf`, `${added.length} condition(s) added`));
  if (next.not !== undefined && !sameJson(old.not, next.not)) {
    found.push(narrowed(`${path}.not`, `now refuses ${json(next.not)}`));
  }
  return found;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}
