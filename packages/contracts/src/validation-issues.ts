import type { z } from 'zod';

/** One problem with a caller's input, named by its path (`actions[0].action_type`). */
export interface ValidationIssue {
  field: string;
  message: string;
}

/** `['actions', 0, 'action_type']` → `actions[0].action_type`; the root is `body`. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || 'body';
}

/** Turns zod issues into field-named messages, including the offending value where it helps. */
export function toValidationIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    field: formatFieldPath(issue.path),
    message: describeIssue(issue),
  }));
}

/** `actions[0].action_type: is required; events: ...` — for one-line error messages. */
export function summarizeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  // Parsed with `reportInput: true`, issues carry the value; otherwise only zod's wording does.
  const reported = 'input' in issue;
  const input = reported ? issue.input : undefined;
  switch (issue.code) {
    case 'invalid_type': {
      // Keep a schema's own wording (e.g. "Product ID required for update"); replace zod's.
      if (!issue.message.startsWith('Invalid input')) return issue.message;
      const missing = reported ? input === undefined : issue.message.endsWith('received undefined');
      if (missing) return 'is required';
      return reported
        ? `expected ${issue.expected}, received ${describeReceivedValue(input)}`
        : `expected ${issue.expected}`;
    }
    case 'invalid_value':
      return reported && input === undefined ? 'is required' : withValue(issue.message, input);
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return withValue(issue.message, input);
  }
}

function withValue(message: string, input: unknown): string {
  return input === undefined || typeof input === 'object'
    ? message
    : `${message} (received ${describeReceivedValue(input)})`;
}

/** A value as error messages show it: `"three"`, `number 3`, `null`, `array`, `object`. */
export function describeReceivedValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(shown);
  }
  if (typeof value === 'object') return 'object';
  return `${typeof value} ${String(value)}`;
}

/**
 * Error option for format checks (`z.email(whenPresent('must be an email address'))`): the
 * message applies to a value that is present but malformed; a missing value reads "is required".
 */
export function whenPresent(message: string) {
  return {
    error: (issue: { input?: unknown }) => (issue.input === undefined ? undefined : message),
  };
}
