import {
  type DiscoverActionsQuery,
  type DiscoveredPluginAction,
  ZActionDefinitionFieldsSchema,
} from '@registry/contracts';
import { HEALTHY_ROW_SQL } from '../../actions/health/health-filters-sql';
import { parseStoredAction } from '../../actions/parse-stored-action';

export const DEFAULT_CATEGORY: string =
  ZActionDefinitionFieldsSchema.shape.category.parse(undefined);

/** A plugin action as the catalog lists it, before its default-provider mark and its health. */
export type CatalogPluginAction = Omit<DiscoveredPluginAction, 'default_provider' | 'health'>;

export interface PluginActionRow {
  slug: string;
  position: number;
  /** Undefined for a stored entry that no longer validates (legacy rows): it is not offered. */
  action: CatalogPluginAction | undefined;
}

export interface RawPluginActionRow {
  plugin_id: string;
  plugin_slug: string;
  plugin_name: string;
  /** The entry's jsonb as text: parsed once per distinct content (parseStoredAction). */
  action_json: string;
  /** int8 (WITH ORDINALITY): pg answers it as a string. */
  position: string | number;
}

/** A plugin `p`'s registered action entries as rows `a(action, position)`. */
export const ACTION_ENTRIES_OF_PLUGIN = `jsonb_array_elements(
    CASE WHEN jsonb_typeof(p.registered_actions->'actions') = 'array'
         THEN p.registered_actions->'actions' ELSE '[]'::jsonb END
  ) WITH ORDINALITY AS a(action, position)`;

/** Discovery's filters as conditions on plugin `p` and action entry `a`. */
export function pluginActionFilters(
  query: DiscoverActionsQuery,
  param: (value: unknown) => string,
): string[] {
  const filters: string[] = [];
  if (query.plugin) filters.push(`AND p.slug = ${param(query.plugin)}`);
  if (query.category) {
    filters.push(
      `AND COALESCE(a.action->>'category', ${param(DEFAULT_CATEGORY)}) = ${param(query.category)}`,
    );
  }
  if (query.search) {
    const pattern = param(`%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    filters.push(`AND (a.action->>'action_type' ILIKE ${pattern}
      OR a.action->>'title' ILIKE ${pattern} OR a.action->>'description' ILIKE ${pattern})`);
  }
  if (query.include_deprecated === false) {
    filters.push(`AND (a.action->'deprecated') IS DISTINCT FROM 'true'::jsonb`);
  }
  if (query.healthy) filters.push(`AND ${HEALTHY_ROW_SQL}`);
  return filters;
}

export function toPluginActionRow(row: RawPluginActionRow): PluginActionRow {
  const action = parseStoredAction(row.action_json);
  return {
    slug: row.plugin_slug,
    position: Number(row.position),
    action: action && {
      ...action,
      source: 'plugin',
      plugin_id: row.plugin_id,
      plugin_slug: row.plugin_slug,
      plugin_name: row.plugin_name,
    },
  };
}
