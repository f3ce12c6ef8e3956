export { handleMcpRequest } from './handle-mcp-request';
export { TOOL_NAME_PATTERN, toolName } from './tool-name';
