import { ENDPOINT_VERIFICATION_PATH, type PluginDelivery } from '@registry/contracts';
import {
  answerChallenge,
  respondJson,
  startPluginServer,
  type TestPluginServer,
  type WebhookLog,
  webhookLog,
} from '@registry/testing';
import { productApi } from './product-api';

/** The one action a logging plugin registers. */
export const LOGGED_ACTION = 'record_delivery';

/**
 * `count` events for the logging plugin's action, each with its own idempotency key (its
 * `webhook-id`), `<prefix>-<n>`, as a sender of a backlog in several batches sets them.
 */
export function loggedEvents(pluginId: string, prefix: string, count: number) {
  return Array.from({ length: count }, (_, n) => ({
    action_type: LOGGED_ACTION,
    plugin_id: pluginId,
    idempotency_key: `${prefix}-${n}`,
    payload: { n },
  }));
}

export interface LoggingPlugin {
  /** Its listener's `host:port`, for PLUGIN_ALLOWED_ADDRESSES. */
  address: string;
  /** Every `webhook-id` it was sent, how often, and which it has not answered yet. */
  log: WebhookLog;
  /** Creates it on the product, registers its action and proves its endpoint; its id. */
  register(
    baseUrl: string,
    plugin: { slug: string; delivery?: PluginDelivery },
  ): Promise<{ id: string; slug: string }>;
  close(): Promise<void>;
}

/**
 * A plugin server of the test's own on loopback whose action logs each delivery's `webhook-id`
 * as a deduplicating plugin would (see `webhookLog`), answering after `delayMs`.
 */
export async function startLoggingPlugin(
  options: Parameters<typeof webhookLog>[0] = {},
): Promise<LoggingPlugin> {
  const log = webhookLog(options);
  const secrets = new Map<string, string>();
  const server: TestPluginServer = await startPluginServer({
    '/': respondJson(200, { status: 'ok' }),
    [ENDPOINT_VERIFICATION_PATH]: answerChallenge((slug) => secrets.get(slug)),
    '/deliveries': log.route,
  });
  return {
    address: new URL(server.url).host,
    log,
    async register(baseUrl, { slug, delivery = {} }) {
      const { plugin } = await productApi<{ plugin: { id: string; signing_secret: string } }>(
        baseUrl,
        'POST',
        '/api/plugins',
        { name: slug, slug, api_endpoint: server.url, delivery },
      );
      secrets.set(slug, plugin.signing_secret);
      await productApi(baseUrl, 'POST', `/api/plugins/${slug}/register-actions`, {
        actions: [
          {
            action_type: LOGGED_ACTION,
            title: 'Record delivery',
            category: 'testing',
            required_fields: [],
            endpoint: '/deliveries',
          },
        ],
      });
      const proof = await productApi<{ verified: boolean }>(
        baseUrl,
        'POST',
        `/api/plugins/${slug}/verify`,
      );
      if (!proof.verified) throw new Error(`${slug}: endpoint not verified`);
      return { id: plugin.id, slug };
    },
    close: () => server.close(),
  };
}
