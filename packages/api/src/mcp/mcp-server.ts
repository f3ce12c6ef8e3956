import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { AppError, type RegistryDeps } from '@registry/core';
import { findActionTool, listActionTools } from './action-tools';
import { callActionTool, DRY_RUN_META } from './call-action-tool';
import type { ToolFilter } from './tool-filter';

/** Who the MCP request acts for, and which of its tools the client mounted. */
export interface McpCaller {
  tenantId: string;
  filter: ToolFilter;
}

const INSTRUCTIONS =
  'Each tool is an action of the plugin action registry: a platform action, or a plugin\'s action named "<plugin-slug>__<action_type>". A call runs it once and records it in the registry\'s history; a failed call answers isError with an error_code. Set _meta {"registry/dry_run": true} on a call to try it without side effects.';

/**
 * The registry as an MCP server for one request (the transport is stateless): `tools/list`
 * pages through what the tenant can discover, `tools/call` dispatches one event.
 */
export function createMcpServer(deps: RegistryDeps, caller: McpCaller): Server {
  const server = new Server(
    { name: 'plugin-action-registry', version: '1.0.0' },
    { capabilities: { tools: {} }, instructions: INSTRUCTIONS },
  );
  server.setRequestHandler(ListToolsRequestSchema, (request) =>
    answer(deps, () =>
      listActionTools(deps, caller.tenantId, caller.filter, request.params?.cursor),
    ),
  );
  server.setRequestHandler(CallToolRequestSchema, (request) =>
    answer(deps, async () => {
      const { name, arguments: args, _meta: meta } = request.params;
      const action = await findActionTool(deps, caller.tenantId, caller.filter, name);
      if (!action) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
      const dryRun = meta?.[DRY_RUN_META] === true;
      return callActionTool(deps, caller.tenantId, action, args, { dryRun });
    }),
  );
  return server;
}

/**
 * A refused request (a bad cursor) is the client's invalid params; anything unexpected is logged
 * and answered without its detail, as the REST routes answer a 500.
 */
async function answer<T>(deps: RegistryDeps, handle: () => Promise<T>): Promise<T> {
  try {
    return await handle();
  } catch (error) {
    if (error instanceof McpError) throw error;
    if (error instanceof AppError && error.code !== 'INTERNAL_ERROR') {
      throw new McpError(ErrorCode.InvalidParams, error.message);
    }
    deps.logger.error({ err: error }, 'MCP request failed');
    throw new McpError(ErrorCode.InternalError, 'Internal server error');
  }
}
