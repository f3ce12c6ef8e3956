import type { Db } from '@registry/db';
import { actionDefinition, insertPlugin } from './factories';
import { pluginServerForTest } from './scoped-plugin-servers';
import type { WebhookLog } from './webhook-log';

/**
 * A plugin with one action, `act`, answered by `log` on a loopback server that closes when the
 * test finishes. `delivery` is the plugin's delivery settings.
 */
export async function insertWebhookLogPlugin(
  db: Db,
  tenantId: string,
  log: WebhookLog,
  delivery: Record<string, unknown> = {},
) {
  const server = await pluginServerForTest({ '/actions/act': log.route });
  return insertPlugin(db, tenantId, {
    apiEndpoint: server.url,
    actions: [actionDefinition('act')],
    delivery,
  });
}
