import { ZDiscoverActionsQuerySchema } from '@registry/contracts';
import { parseInput } from '@registry/core';
import type { z } from 'zod';

/** The discovery filters a client may put on the URL (`/api/mcp?category=email&plugin=…`). */
export const ZToolFilterSchema = ZDiscoverActionsQuerySchema.pick({
  category: true,
  plugin: true,
  search: true,
});
export type ToolFilter = z.output<typeof ZToolFilterSchema>;

/** The URL's filters; any other query parameter is ignored, as discovery ignores them. */
export function readToolFilter(url: string): ToolFilter {
  return parseInput(ZToolFilterSchema, Object.fromEntries(new URL(url).searchParams));
}
