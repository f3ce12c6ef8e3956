import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { describeApiError } from '@/trpc/api-error';

/**
 * Puts each field the API named next to that field of the form; whether every issue found one
 * (else the caller shows the error as a whole).
 */
export function showApiIssues<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  const { issues } = describeApiError(error);
  if (issues.length === 0) return false;
  let placed = true;
  for (const issue of issues) {
    const field = fields.find(
      (name) =>
        issue.field === name ||
        issue.field.startsWith(`${name}.`) ||
        issue.field.startsWith(`${name}[`),
    );
    if (field) setError(field, { message: issue.message });
    else placed = false;
  }
  return placed;
}
