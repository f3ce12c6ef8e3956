import { createHash } from 'node:crypto';
import type { AutomationEvent } from '@registry/contracts';

/**
 * Idempotency keys for a batch's events: the caller's `idempotency_key`, or one derived from
 * where the event sits (tenant, flow run, position, action, plugin), so re-sending the same
 * request finds the same keys. The tenant and flow are hashed once per batch: header-safe as a
 * `webhook-id` whatever the flow id's characters, and distinct between tenants.
 */
export function idempotencyKeys(tenantId: string, flowExecutionId: string) {
  const flow = createHash('sha256')
    .update(`${tenantId}\u001f${flowExecutionId}`)
    .digest('base64url')
    .slice(0, 22);
  return (index: number, event: AutomationEvent): string =>
    event.idempotency_key ??
    `evt_${flow}:${index}:${event.action_type}:${event.plugin_id ?? 'platform'}`;
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
