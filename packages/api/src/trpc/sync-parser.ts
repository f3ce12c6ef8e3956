import type { z } from 'zod';

/** What tRPC needs of a parser: the standard-schema types for inference, and `parse`. */
export type SyncParser<T extends z.ZodType> = Pick<T, '~standard'> & {
  parse(value: unknown): z.output<T>;
};

/**
 * A zod schema as a tRPC input or output parser that parses synchronously. Given a zod schema,
 * tRPC calls its `parseAsync`, and zod's async parse costs several times its sync parse (a
 * promise per node): on the dispatch route that was most of what tRPC added over REST, which
 * parses the same schema synchronously (bench/README.md). Errors stay zod's own `ZodError`.
 */
export function syncParser<T extends z.ZodType>(schema: T): SyncParser<T> {
  return { '~standard': schema['~standard'], parse: (value) => schema.parse(value) };
}
