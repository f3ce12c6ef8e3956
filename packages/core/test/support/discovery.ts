import { type DiscoveredAction, ZDiscoverActionsQuerySchema } from '@registry/contracts';
import { discoverActions } from '../../src/actions/discover-actions';
import { parseInput } from '../../src/errors/app-error';
import type { RegistryDeps } from '../../src/registry-deps';

type Query = Record<string, string>;

/** One discovery page, its query checked by the contract as the API checks it. */
export const discoverPage = (deps: RegistryDeps, tenantId: string, query: Query = {}) =>
  discoverActions(deps, tenantId, parseInput(ZDiscoverActionsQuerySchema, query));

/** Every page of a discovery list, walking `next_cursor` (at most 100 pages). */
export async function discoverAllPages(deps: RegistryDeps, tenantId: string, query: Query) {
  const actions: DiscoveredAction[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const result = await discoverPage(deps, tenantId, { ...query, ...(cursor ? { cursor } : {}) });
    actions.push(...result.actions);
    cursor = result.next_cursor;
    pages++;
  } while (cursor && pages < 100);
  return { actions, pages };
}

/** Actions as `slug:action_type` (`platform:` for the platform's own). */
export const actionNames = (
  actions: ReadonlyArray<{ action_type: string; plugin_slug: string | null }>,
) => actions.map((action) => `${action.plugin_slug ?? 'platform'}:${action.action_type}`);
