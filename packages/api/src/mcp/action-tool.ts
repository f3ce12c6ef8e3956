import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { actionInputSchema, type DiscoveredAction } from '@registry/contracts';
import { healthSentence } from './health-sentence';
import { toolName } from './tool-name';

/**
 * An action as an MCP tool: its payload's schema as the tool's input (the registered
 * `input_schema`, or one derived from its field lists, with the payloads of its declared
 * `examples` as the schema's `examples`), its `output_schema` as the tool's
 * output, its hints as annotations (left out when unknown), and where it comes from and how
 * its calls went in the description, which is all most clients show of a tool.
 */
export function actionTool(action: DiscoveredAction): Tool {
  const origin =
    action.source === 'platform'
      ? 'Platform action'
      : `Action of the plugin ${action.plugin_name} (${action.plugin_slug})`;
  const description = [
    action.description,
    `${origin}, category ${action.category}.`,
    healthSentence(action.health),
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    name: toolName(action),
    title: action.title,
    description,
    inputSchema: inputSchemaOf(action),
    ...(action.output_schema ? { outputSchema: action.output_schema as Tool['outputSchema'] } : {}),
    ...annotationsOf(action),
    _meta: {
      'registry/action_type': action.action_type,
      'registry/plugin_id': action.plugin_id,
    },
  };
}

/** The payload's schema; an action's declared example payloads show an agent valid input. */
function inputSchemaOf(action: DiscoveredAction): Tool['inputSchema'] {
  const schema = actionInputSchema(action) as Tool['inputSchema'];
  const examples = action.source === 'plugin' ? (action.examples ?? []) : [];
  return examples.length > 0
    ? { ...schema, examples: examples.map((example) => example.payload) }
    : schema;
}

/** The action's hints as MCP annotations: only those it declared (absent means unknown). */
function annotationsOf(action: DiscoveredAction): Pick<Tool, 'annotations'> {
  const annotations = {
    ...(action.read_only === undefined ? {} : { readOnlyHint: action.read_only }),
    ...(action.destructive === undefined ? {} : { destructiveHint: action.destructive }),
    ...(action.idempotent === undefined ? {} : { idempotentHint: action.idempotent }),
  };
  return Object.keys(annotations).length > 0 ? { annotations } : {};
}
