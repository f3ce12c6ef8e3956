import { z } from 'zod';

/**
 * Query strings are lenient about blanks: `?category=` means "no filter", as curl users expect.
 * The input type stays the schema's own (plus `''`), so typed callers cannot send a number.
 * `description` is the parameter's documentation (OpenAPI and tRPC clients read it).
 */
export function optionalQueryParam<S extends z.ZodType>(schema: S, description: string) {
  return z
    .preprocess(
      (value: z.input<S> | '' | undefined) => (value === '' ? undefined : value),
      schema.optional(),
    )
    .meta({ description });
}
