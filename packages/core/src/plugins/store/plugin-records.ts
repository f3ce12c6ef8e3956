import type { PluginDelivery } from '@registry/contracts';
import type { SqlRunner } from '@registry/db';
import {
  DELIVERY_STATE_COLUMN,
  DELIVERY_STATE_JOIN,
  type DeliveryState,
  readDeliveryState,
} from '../../delivery/plugin-delivery-state';

/** A plugin as routing and delivery read it, once per batch of events. */
export interface PluginRecord {
  id: string;
  slug: string;
  name: string;
  status: string;
  api_endpoint: string | null;
  registered_actions: unknown;
  /**
   * Signing secrets: the current one, and the previous one during a rotation's grace period.
   * Empty for a plugin that has none yet (see `addMissingSigningSecrets`).
   */
  secrets: string[];
  /** The plugin's own delivery settings (retry schedule, limits). */
  delivery: PluginDelivery;
  /** Its circuit breaker and failure streak, shared by every process. */
  delivery_state: DeliveryState;
}

const PLUGIN_COLUMNS = `p.id::text, p.slug, p.name, p.status, p.api_endpoint,
  p.registered_actions, array_remove(ARRAY[s.secret,
    CASE WHEN s.previous_valid_until > now() THEN s.previous_secret END], NULL) AS secrets,
  p.delivery, ${DELIVERY_STATE_COLUMN}`;
const PLUGINS_WITH_SECRETS = `plugins p LEFT JOIN plugin_secrets s ON s.plugin_id = p.id
  ${DELIVERY_STATE_JOIN}`;

type PluginRow = Omit<PluginRecord, 'delivery_state'> & { delivery_state: unknown };

/**
 * The plugins of these ids, with their secrets and delivery state, in one statement: only the
 * tenant's when `tenantId` is given (dispatch), of any tenant otherwise (a worker's batch).
 * Plain SQL: it runs for every batch of events, where Prisma's cost per query counts.
 */
export async function loadPluginRecords(
  sql: SqlRunner,
  ids: readonly string[],
  tenantId?: string,
): Promise<PluginRecord[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql.query<PluginRow>(
    tenantId === undefined
      ? {
          text: `SELECT ${PLUGIN_COLUMNS} FROM ${PLUGINS_WITH_SECRETS} WHERE p.id = ANY($1::uuid[])`,
          values: [ids],
        }
      : {
          text: `SELECT ${PLUGIN_COLUMNS} FROM ${PLUGINS_WITH_SECRETS}
                 WHERE p.tenant_id = $1 AND p.id = ANY($2::uuid[])`,
          values: [tenantId, ids],
        },
  );
  return rows.map((row) => ({ ...row, delivery_state: readDeliveryState(row.delivery_state) }));
}
