import { z } from 'zod';
import { ZDiscoverActionsQuerySchema } from './discovery';

/** The catalog's filters; each facet counts with every filter applied except its own. */
export const ZActionFacetsQuerySchema = ZDiscoverActionsQuerySchema.pick({
  category: true,
  plugin: true,
  search: true,
});
export type ActionFacetsQuery = z.output<typeof ZActionFacetsQuerySchema>;

const ZFacetCountSchema = z.object({ value: z.string(), label: z.string(), count: z.number() });
export type FacetCount = z.output<typeof ZFacetCountSchema>;

export const ZActionFacetsSchema = z.object({
  /** Actions matching every filter: the length of the list `actions.discover` returns. */
  total: z.number().int(),
  /** By category, most actions first. */
  categories: z.array(ZFacetCountSchema),
  /** By plugin slug (`platform` for built-in actions), most actions first; label is the name. */
  plugins: z.array(ZFacetCountSchema),
});
export type ActionFacets = z.output<typeof ZActionFacetsSchema>;
