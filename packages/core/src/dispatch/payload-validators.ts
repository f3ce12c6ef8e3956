import {
  describeReceivedValue,
  formatFieldPath,
  type JsonSchemaNode,
  type ValidationIssue,
} from '@registry/contracts';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { linearRegExp } from './linear-regexp';

/**
 * JSON Schema 2020-12, as `z.toJSONSchema` writes it. Not strict: keywords and formats outside
 * what Ajv knows are ignored, as the specification asks (zod's own patterns still check most
 * formats). Patterns run on a linear-time engine (linear-regexp.ts). `verbose` puts the value and its schema on each error, for the message; a valid
 * payload never builds one.
 */
function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({
    strict: false,
    logger: false,
    verbose: true,
    code: { regExp: linearRegExp },
  });
  addFormats(ajv);
  return ajv;
}

/**
 * An Ajv instance keeps the generated code of every schema it compiled, removed ones too
 * (3-5 KB each), and creating one costs ~7 ms. So one instance compiles this many schemas,
 * then a fresh one takes over: the old one goes once the validators it made are dropped.
 */
const COMPILES_PER_AJV = 500;
let ajv = createAjv();
let ajvCompiles = 0;

/** Compiled validators kept at once; beyond it the oldest are dropped (re-registrations). */
const MAX_CACHED_VALIDATORS = 2000;
const validators = new Map<string, ValidateFunction>();

/** `$schema` and `$id` are dropped: the dialect is always 2020-12, and an id is per instance. */
function compileSchema(schema: JsonSchemaNode): ValidateFunction {
  if (ajvCompiles >= COMPILES_PER_AJV) {
    ajv = createAjv();
    ajvCompiles = 0;
  }
  ajvCompiles += 1;
  const { $schema: _dialect, $id: _id, ...compilable } = schema;
  return ajv.compile(compilable);
}

/**
 * Why Ajv cannot compile a registered schema (undefined: it can), for a registration to refuse
 * it: an `input_schema` or an `output_schema`, held to the same rules (patterns RE2 can run).
 */
export function schemaCompileError(schema: JsonSchemaNode): string | undefined {
  try {
    compileSchema(schema);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * The validator of each schema object a batch read from the database: its events share the
 * action's object, so only the first of them keys the content cache below.
 */
const validatorOfSchema = new WeakMap<JsonSchemaNode, ValidateFunction>();

/**
 * The first way a payload breaks its action's schema, or undefined. Validators are cached per
 * plugin, action and schema content, so a re-registration that changes the schema gets a new
 * one while the hot path compiles each schema once.
 */
export function findPayloadProblem(
  pluginId: string,
  actionType: string,
  schema: JsonSchemaNode,
  payload: Record<string, unknown>,
): ValidationIssue | undefined {
  return firstProblem(`${pluginId}\n${actionType}`, schema, payload, 'payload');
}

/**
 * The first way a plugin's successful answer breaks its action's `output_schema`, or
 * undefined; cached as the payload validators are. Fields are named from `result`.
 */
export function findResultProblem(
  pluginId: string,
  actionType: string,
  schema: JsonSchemaNode,
  result: unknown,
): ValidationIssue | undefined {
  return firstProblem(`${pluginId}\n${actionType}\noutput`, schema, result, 'result');
}

function firstProblem(
  owner: string,
  schema: JsonSchemaNode,
  value: unknown,
  root: 'payload' | 'result',
): ValidationIssue | undefined {
  let validate = validatorOfSchema.get(schema);
  if (validate === undefined) {
    validate = cachedValidator(`${owner}\n${JSON.stringify(schema)}`, schema);
    validatorOfSchema.set(schema, validate);
  }
  if (validate(value)) return undefined;
  // Ajv stops at the first failing keyword; a composite one (anyOf) reports itself last.
  const error = validate.errors?.at(-1);
  return error ? describeError(error, root) : { field: root, message: 'is invalid' };
}

function describeError(error: ErrorObject, root: 'payload' | 'result'): ValidationIssue {
  const path = error.instancePath
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
  const field = (...more: string[]) => formatFieldPath([root, ...path.map(asIndex), ...more]);
  const received = `received ${describeReceivedValue(error.data)}`;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'type':
      return {
        field: field(),
        message: `expected ${String(params.type).split(',').join(' or ')}, ${received}`,
      };
    case 'required':
      return { field: field(String(params.missingProperty)), message: 'is required' };
    case 'additionalProperties':
      return {
        field: field(String(params.additionalProperty)),
        message: root === 'payload' ? 'is not a field of this action' : 'is not declared',
      };
    case 'enum':
      return {
        field: field(),
        message: `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, ${received}`,
      };
    case 'const':
      return {
        field: field(),
        message: `must be ${JSON.stringify(params.allowedValue)}, ${received}`,
      };
    case 'format':
      return { field: field(), message: `must be a valid ${String(params.format)}, ${received}` };
    case 'pattern': {
      // zod writes a format's regex beside it: name the format rather than show the regex.
      const format = (error.parentSchema as { format?: unknown } | undefined)?.format;
      const expected =
        typeof format === 'string' ? `a valid ${format}` : `match ${String(params.pattern)}`;
      return { field: field(), message: `must be ${expected}, ${received}` };
    }
    case 'anyOf':
    case 'oneOf':
      return { field: field(), message: `matches none of its allowed shapes, ${received}` };
    default:
      return { field: field(), message: `${error.message ?? 'is invalid'}, ${received}` };
  }
}

function cachedValidator(key: string, schema: JsonSchemaNode): ValidateFunction {
  let validate = validators.get(key);
  if (validate === undefined) {
    validate = compileSchema(schema);
    if (validators.size >= MAX_CACHED_VALIDATORS) {
      validators.delete(validators.keys().next().value as string);
    }
    validators.set(key, validate);
  }
  return validate;
}

/** JSON Pointer segments of array items are digits: show them as `[0]`. */
function asIndex(segment: string): string | number {
  return /^(0|[1-9]\d*)$/.test(segment) ? Number(segment) : segment;
}
