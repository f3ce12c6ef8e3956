import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { authorize, type RegistryDeps } from '@registry/core';
import { resolveRequestContext } from '../request-context';
import { errorResponse } from '../rest/error-response';
import { jsonResponse } from '../rest/json-response';
import { readJsonBody } from '../rest/read-json-body';
import { createMcpServer } from './mcp-server';
import { readToolFilter } from './tool-filter';

/**
 * `/api/mcp`: the registry as an MCP server over Streamable HTTP, stateless (no session: each
 * POST carries its JSON-RPC messages and gets their answers as JSON), so any process can answer
 * any request. Authorized like every route: a caller without a credential is refused before its
 * body is read; listing tools is reading the catalog (an admin or a plugin key), and calling
 * one dispatches an event (an admin only).
 */
export async function handleMcpRequest(deps: RegistryDeps, request: Request): Promise<Response> {
  if (request.method !== 'POST') {
    // No server-sent stream to open (GET) and no session to end (DELETE) when stateless.
    const response = jsonResponse({ success: false, error: 'Method not allowed; use POST' }, 405);
    response.headers.set('allow', 'POST');
    return response;
  }
  try {
    const context = await resolveRequestContext(deps, request);
    const principal = authorize(context.principal, 'catalog', { problem: context.problem });
    const filter = readToolFilter(request.url);
    const messages = await readJsonBody(request);
    if (callsTools(messages)) authorize(principal, 'admin');
    const server = createMcpServer(deps, { tenantId: principal.tenantId, filter });
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    await server.connect(transport);
    try {
      return await transport.handleRequest(request, { parsedBody: messages });
    } finally {
      await server.close();
    }
  } catch (error) {
    return errorResponse(deps, error, request);
  }
}

/** Whether the request's messages (one, or a batch) call a tool, which dispatches an event. */
function callsTools(messages: unknown): boolean {
  const list = Array.isArray(messages) ? messages : [messages];
  return list.some((message) => (message as { method?: unknown } | null)?.method === 'tools/call');
}
