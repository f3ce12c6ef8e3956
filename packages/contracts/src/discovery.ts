import { z } from 'zod';
import { ZActionDefinitionFieldsSchema, ZCategorySchema } from './action-definition';
import { HEALTHY_SUCCESS_RATE, ZActionHealthSchema, ZHealthSortSchema } from './action-health';
import { storableString } from './json-value';
import { optionalQueryParam } from './query-params';

/** The pseudo-plugin slug that names the platform's built-in actions in filters. */
export const PLATFORM_SOURCE = 'platform';

/** A boolean from tRPC, the text `true`/`false` from a query string. */
const ZQueryBooleanSchema = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);

export const ZDiscoverActionsQuerySchema = z.object({
  category: optionalQueryParam(ZCategorySchema, 'Only actions of this category, e.g. `email`.'),
  plugin: optionalQueryParam(
    storableString().max(64),
    "Only this plugin's actions (its slug), or `platform` for the built-in actions.",
  ),
  search: optionalQueryParam(
    storableString().max(200),
    'Case-insensitive text search over action_type, title and description.',
  ),
  include_deprecated: optionalQueryParam(
    ZQueryBooleanSchema,
    'Whether deprecated actions are listed (default `true`); `false` leaves them out.',
  ),
  healthy: optionalQueryParam(
    ZQueryBooleanSchema,
    `\`true\`: only actions that succeeded at least ${HEALTHY_SUCCESS_RATE * 100} % of their calls in 24 h (or had none) and whose circuit is closed.`,
  ),
  sort: optionalQueryParam(
    ZHealthSortSchema,
    '`success_rate` (highest first) or `p95` (fastest first); actions without calls in 24 h follow in catalog order. Absent: catalog order.',
  ),
  limit: optionalQueryParam(
    z.coerce.number().int().min(1).max(1000),
    'Page size. Absent: every matching action, as the original REST list always answered.',
  ),
  cursor: optionalQueryParam(storableString().max(500), 'The `next_cursor` of the previous page.'),
});
export type DiscoverActionsQuery = z.output<typeof ZDiscoverActionsQuerySchema>;

const ZPluginActionSchema = ZActionDefinitionFieldsSchema.extend({
  source: z.literal('plugin'),
  plugin_id: z.guid(),
  plugin_slug: z.string(),
  plugin_name: z.string(),
  default_provider: z.boolean().meta({
    description:
      'Whether events of this action_type sent without plugin_id go to this plugin: it registered the type first, or an admin chose it.',
  }),
  health: ZActionHealthSchema,
});

const ZPlatformActionSchema = ZActionDefinitionFieldsSchema.omit({ endpoint: true }).extend({
  source: z.literal('platform'),
  plugin_id: z.null(),
  plugin_slug: z.null(),
  plugin_name: z.null(),
  health: ZActionHealthSchema,
});

/** One callable action in the catalog: registered by a plugin or built into the platform. */
export const ZDiscoveredActionSchema = z.discriminatedUnion('source', [
  ZPluginActionSchema,
  ZPlatformActionSchema,
]);
export type DiscoveredAction = z.output<typeof ZDiscoveredActionSchema>;
export type DiscoveredPluginAction = z.output<typeof ZPluginActionSchema>;
export type DiscoveredPlatformAction = z.output<typeof ZPlatformActionSchema>;

export const ZDiscoverActionsResponseSchema = z.object({
  actions: z.array(ZDiscoveredActionSchema),
  /** Present when `limit` cut the list: pass it as `cursor` for the next page. */
  next_cursor: z.string().nullable(),
});
export type DiscoverActionsResponse = z.output<typeof ZDiscoverActionsResponseSchema>;

export const ZGetActionQuerySchema = z.object({
  action_type: storableString().min(1).max(100),
  plugin_id: z.guid().optional(),
});
