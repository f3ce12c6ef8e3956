import type { ListToolsResult } from '@modelcontextprotocol/sdk/types.js';
import { type DiscoveredAction, PLATFORM_SOURCE } from '@registry/contracts';
import { discoverActions, type RegistryDeps } from '@registry/core';
import { actionTool } from './action-tool';
import type { ToolFilter } from './tool-filter';
import { pluginOfToolName, toolName } from './tool-name';

/** Tools per `tools/list` page: some clients keep only the first 40 or so of a long list. */
export const TOOLS_PAGE_SIZE = 50;

type Deps = Pick<RegistryDeps, 'db' | 'sql'>;

/** One page of the tools a tenant can call, in discovery's order; its cursor is discovery's. */
export async function listActionTools(
  deps: Deps,
  tenantId: string,
  filter: ToolFilter,
  cursor: string | undefined,
): Promise<ListToolsResult> {
  const page = await discoverActions(deps, tenantId, {
    ...filter,
    limit: TOOLS_PAGE_SIZE,
    cursor,
  });
  return {
    tools: page.actions.map(actionTool),
    ...(page.next_cursor ? { nextCursor: page.next_cursor } : {}),
  };
}

/**
 * The action a tool name stands for, among those the filter lets this client see; undefined
 * when there is none (never listed, or gone since). Looks among the named plugin's first.
 */
export async function findActionTool(
  deps: Deps,
  tenantId: string,
  filter: ToolFilter,
  name: string,
): Promise<DiscoveredAction | undefined> {
  const named = (query: ToolFilter) =>
    discoverActions(deps, tenantId, query).then(({ actions }) =>
      actions.find((action) => toolName(action) === name),
    );
  if (filter.plugin !== undefined) return named(filter);
  return (
    (await named({ ...filter, plugin: pluginOfToolName(name) ?? PLATFORM_SOURCE })) ?? named(filter)
  );
}
