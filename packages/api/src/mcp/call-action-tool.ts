import { randomUUID } from 'node:crypto';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import {
  type DiscoveredAction,
  type DispatchRequest,
  type EventResult,
  ZDispatchRequestSchema,
} from '@registry/contracts';
import { AppError, dispatchEvents, parseInput, type RegistryDeps } from '@registry/core';

/**
 * Calls an action as the automation endpoint does (sync mode: routing, validation, signing,
 * retries, idempotency, history), as one event of its own flow, recorded with source `mcp` (and
 * a flow id starting `mcp_`). A failed event is a tool result with
 * `isError`, carrying its `error_code`: the model reads why and may try again.
 */
/** `tools/call` with `_meta: { "registry/dry_run": true }` is a dry run (see `dry_run`). */
export const DRY_RUN_META = 'registry/dry_run';

export async function callActionTool(
  deps: RegistryDeps,
  tenantId: string,
  action: DiscoveredAction,
  args: Record<string, unknown> | undefined,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<CallToolResult> {
  let request: DispatchRequest;
  try {
    request = parseInput(ZDispatchRequestSchema, {
      flow_execution_id: `mcp_${randomUUID()}`,
      ...(dryRun ? { dry_run: true } : {}),
      events: [
        {
          action_type: action.action_type,
          ...(action.plugin_id ? { plugin_id: action.plugin_id } : {}),
          payload: args ?? {},
        },
      ],
    });
  } catch (error) {
    if (error instanceof AppError) return failure({ error_code: error.code, error: error.message });
    throw error;
  }
  const { results, flow_execution_id } = await dispatchEvents(deps, tenantId, request, 'mcp');
  return toolResult(results[0] as EventResult, flow_execution_id);
}

function toolResult(result: EventResult, flowExecutionId: string): CallToolResult {
  const execution = {
    execution_id: result.execution_id,
    flow_execution_id: flowExecutionId,
    status: result.status,
    ...(result.dry_run ? { dry_run: true, request: result.request } : {}),
  };
  if (!result.success) {
    const { error_code, error, http_status, next_attempt_at } = result;
    return failure({ error_code, error, http_status, next_attempt_at, ...execution });
  }
  if (result.output_mismatch) return mismatched(result.result, result.output_mismatch, execution);
  // structuredContent must be an object; a plugin may answer any JSON value.
  const content = isObject(result.result) ? result.result : { result: result.result };
  return {
    content: [{ type: 'text', text: JSON.stringify(result.result ?? null) }],
    structuredContent: content,
    _meta: { 'registry/execution': execution },
  };
}

/**
 * The action ran, but its answer breaks the tool's `outputSchema`, which MCP clients enforce on
 * a successful result: so it is an error result saying the work was done, with the answer.
 */
function mismatched(
  answer: unknown,
  mismatch: NonNullable<Extract<EventResult, { success: true }>['output_mismatch']>,
  execution: Record<string, unknown>,
): CallToolResult {
  const issues = mismatch.map((issue) => `${issue.field}: ${issue.message}`).join('; ');
  return {
    ...failure({
      error_code: 'OUTPUT_MISMATCH',
      error: `The action ran and succeeded, but its answer does not fit its output schema (${issues}). Do not call it again for this.`,
      output_mismatch: mismatch,
      result: answer ?? null,
      ...execution,
    }),
    _meta: { 'registry/execution': execution },
  };
}

function failure(details: { error_code: string; error: string } & Record<string, unknown>) {
  return {
    isError: true,
    content: [{ type: 'text' as const, text: `${details.error_code}: ${details.error}` }],
    structuredContent: details,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
