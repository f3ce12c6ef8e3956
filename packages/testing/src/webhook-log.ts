import { setTimeout as sleep } from 'node:timers/promises';
import { type PluginRoute, sendJson } from './plugin-server';

export interface WebhookLog {
  route: PluginRoute;
  /** How many times each `webhook-id` arrived. */
  received: Map<string, number>;
  /** When each `webhook-id` first arrived (epoch ms). */
  firstAt: Map<string, number>;
  /** Ids answered with success: the effects a deduplicating plugin performed, one per id. */
  effects: Set<string>;
  /** Ids received and not answered yet: what a sender that dies now leaves in flight. */
  inFlight: Set<string>;
  /** Ids that arrived more than once. */
  duplicates(): string[];
}

/**
 * A plugin action that keeps every `webhook-id` it is sent, as a plugin that drops repeats
 * would: one effect per id, however many deliveries. It answers `status()` (200 by default)
 * after `delayMs`, with `duplicate: true` for an id it had seen.
 */
export function webhookLog(options: { delayMs?: number; status?: () => number } = {}): WebhookLog {
  const received = new Map<string, number>();
  const firstAt = new Map<string, number>();
  const effects = new Set<string>();
  const inFlight = new Set<string>();
  const route: PluginRoute = async (call, response) => {
    const id = String(call.headers['webhook-id']);
    const seen = received.get(id) ?? 0;
    received.set(id, seen + 1);
    if (!firstAt.has(id)) firstAt.set(id, Date.now());
    inFlight.add(id);
    if (options.delayMs) await sleep(options.delayMs);
    const status = options.status?.() ?? 200;
    if (status < 300) effects.add(id);
    sendJson(
      response,
      status,
      status < 300 ? { ok: true, duplicate: seen > 0 } : { error: 'unavailable' },
    );
    inFlight.delete(id);
  };
  return {
    route,
    received,
    firstAt,
    effects,
    inFlight,
    duplicates: () => [...received].filter(([, count]) => count > 1).map(([id]) => id),
  };
}
