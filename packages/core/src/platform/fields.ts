import { whenPresent } from '@registry/contracts';
import { z } from 'zod';

/** Building blocks shared by the platform actions' payload schemas. */

// An absent or null id gets the seed's message, e.g. "Product ID required for update".
export const idField = (missingMessage: string) =>
  z.guid({
    error: (issue) => (issue.input == null ? missingMessage : 'must be a UUID'),
  });

export const money = z
  .number()
  .nonnegative('must not be negative')
  .max(99_999_999_99 / 100, 'is too large')
  .multipleOf(0.01, 'must have at most 2 decimal places');

export const quantity = z.number().int('must be a whole number').min(1).max(10_000);

export const shortText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const email = z.email(whenPresent('must be an email address')).max(320);
