import { createHash } from 'node:crypto';
import { type ActionDefinition, ZActionDefinitionSchema } from '@registry/contracts';

/** How much stored action JSON is kept parsed, least recently used dropped first. */
const PARSED_BUDGET_BYTES = 32 * 1024 * 1024;

interface Parsed {
  action: ActionDefinition | undefined;
  bytes: number;
}

const parsedByContent = new Map<string, Parsed>();
let heldBytes = 0;

/**
 * One stored action entry (its jsonb text) as the contract reads it; undefined for an entry
 * that no longer validates (legacy rows). Discovery reads every action of every active plugin
 * on each call, and parsing large input schemas again each time cost tens of milliseconds per
 * MiB, so results are remembered by content: the same text always parses the same way, so a
 * remembered result is never stale. What it returns is frozen: callers share it.
 */
export function parseStoredAction(json: string): ActionDefinition | undefined {
  const key = createHash('sha256').update(json).digest('base64url');
  const remembered = parsedByContent.get(key);
  if (remembered) {
    // Map order is insertion order: re-inserting marks the entry as the most recently used.
    parsedByContent.delete(key);
    parsedByContent.set(key, remembered);
    return remembered.action;
  }
  const parsed = ZActionDefinitionSchema.safeParse(JSON.parse(json));
  const action = parsed.success ? deepFreeze(parsed.data) : undefined;
  remember(key, { action, bytes: json.length });
  return action;
}

function remember(key: string, parsed: Parsed): void {
  if (parsed.bytes > PARSED_BUDGET_BYTES) return;
  parsedByContent.set(key, parsed);
  heldBytes += parsed.bytes;
  for (const [oldest, entry] of parsedByContent) {
    if (heldBytes <= PARSED_BUDGET_BYTES) break;
    parsedByContent.delete(oldest);
    heldBytes -= entry.bytes;
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const nested of Object.values(value)) deepFreeze(nested);
  }
  return value;
}
