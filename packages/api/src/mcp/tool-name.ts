import { createHash } from 'node:crypto';
import type { DiscoveredAction } from '@registry/contracts';

/** What MCP clients accept as a tool name. */
export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/;
const MAX_TOOL_NAME = 64;
/** Separates a plugin's slug from its action type; a slug never holds `_`, so it splits once. */
const SEPARATOR = '__';

/**
 * An action's tool name: a platform action by its own type, a plugin's as
 * `<plugin-slug>__<action_type>` (`email-automation__send_welcome_email`), so two plugins'
 * actions of one type stay apart. Slugs and types are already within the pattern; a name over
 * 64 characters keeps its first 55 and ends `_` + 8 hex of its SHA-256, the same every time.
 */
export function toolName(action: DiscoveredAction): string {
  const full =
    action.source === 'platform'
      ? action.action_type
      : `${action.plugin_slug}${SEPARATOR}${action.action_type}`;
  if (full.length <= MAX_TOOL_NAME) return full;
  const digest = createHash('sha256').update(full).digest('hex').slice(0, 8);
  return `${full.slice(0, MAX_TOOL_NAME - digest.length - 1)}_${digest}`;
}

/**
 * The plugin slug a tool name starts with, if any: where to look for its action first. A name
 * without one is a platform action's, or a shortened name, which only the whole list resolves.
 */
export function pluginOfToolName(name: string): string | undefined {
  const at = name.indexOf(SEPARATOR);
  return at > 0 ? name.slice(0, at) : undefined;
}
