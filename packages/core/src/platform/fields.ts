import { z } from 'zod';

/** Building blocks shared by the platform actions' payload schemas. */
export const idField = (missingMessage: string) =>
  z.uuid({
    error: (issue) => (issue.input === undefined ? missingMessage : 'must be a UUID'),
  });

export const money = z
  .number()
  .nonnegative('must not be negative')
  .max(99_999_999_99 / 100, 'is too large')
  .multipleOf(0.01, 'must have at most 2 decimal places');

export const quantity = z.number().int('must be a whole number').min(1).max(10_000);

export const shortText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const email = z.email('must be an email address').max(320);
