import { createHash } from 'node:crypto';
import type { AutomationEvent } from '@registry/contracts';

/**
 * The event's idempotency key: the caller's, or one derived from where the event sits (tenant,
 * flow run, position, action, plugin), so re-sending the same request finds the same keys.
 * Derived keys are hashes: header-safe as a `webhook-id`, and distinct between tenants.
 */
export function eventIdempotencyKey(
  tenantId: string,
  flowExecutionId: string,
  index: number,
  event: AutomationEvent,
): string {
  if (event.idempotency_key) return event.idempotency_key;
  const source = [tenantId, flowExecutionId, index, event.action_type, event.plugin_id ?? '']
    .map(String)
    .join('\u001f');
  return `evt_${createHash('sha256').update(source).digest('base64url')}`;
}

/** What a replay must repeat exactly: the action, the plugin and the payload (key order aside). */
export function eventFingerprint(event: AutomationEvent): string {
  const canonical = canonicalJson([event.action_type, event.plugin_id ?? null, event.payload]);
  return createHash('sha256').update(canonical).digest('base64url');
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` fingerprint alike. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
