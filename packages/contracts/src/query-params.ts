import { z } from 'zod';

/** Query strings are lenient about blanks: `?category=` means "no filter", as curl users expect. */
export function optionalQueryParam<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}
