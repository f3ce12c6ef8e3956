import {
  type ActionFacets,
  type ActionFacetsQuery,
  type DiscoveredAction,
  type FacetCount,
  PLATFORM_SOURCE,
} from '@registry/contracts';
import type { RegistryDeps } from '../registry-deps';
import { discoverActions } from './discover-actions';

const PLATFORM_LABEL = 'Platform';

/**
 * Counts for the catalog's filters. Each facet counts the actions matching every other filter,
 * so picking a category shows how many of its actions each plugin has, and vice versa.
 */
export async function actionFacets(
  deps: Pick<RegistryDeps, 'db' | 'sql'>,
  tenantId: string,
  query: ActionFacetsQuery,
): Promise<ActionFacets> {
  const { actions } = await discoverActions(deps, tenantId, { search: query.search });
  const inCategory = (action: DiscoveredAction) =>
    !query.category || action.category === query.category;
  const inPlugin = (action: DiscoveredAction) => !query.plugin || pluginOf(action) === query.plugin;
  return {
    total: actions.filter((action) => inCategory(action) && inPlugin(action)).length,
    categories: countBy(actions.filter(inPlugin), (action) => [action.category, action.category]),
    plugins: countBy(actions.filter(inCategory), (action) => [
      pluginOf(action),
      action.plugin_name ?? PLATFORM_LABEL,
    ]),
  };
}

function pluginOf(action: DiscoveredAction): string {
  return action.plugin_slug ?? PLATFORM_SOURCE;
}

/** Counts by key, most first, ties by label. */
function countBy(
  actions: DiscoveredAction[],
  keyOf: (action: DiscoveredAction) => [value: string, label: string],
): FacetCount[] {
  const counts = new Map<string, FacetCount>();
  for (const action of actions) {
    const [value, label] = keyOf(action);
    const entry = counts.get(value) ?? { value, label, count: 0 };
    entry.count++;
    counts.set(value, entry);
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}
