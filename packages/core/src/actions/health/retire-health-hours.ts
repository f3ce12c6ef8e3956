import { inTransaction, type SqlPool } from '@registry/db';
import { WINDOW_START_SQL } from './health-rollup';

const OLD_HOURS = `FROM action_health_hourly WHERE hour < ${WINDOW_START_SQL}`;

/**
 * Deletes the rollup hours that left the window (any tenant); the window table's trigger takes
 * each away from its action's totals, so discovery's figures move on with the clock. The window
 * rows it will change are locked first in key order, the order settling takes them in, so a
 * retirement and a settling statement never wait on each other in a circle. Returns how many
 * hours went.
 */
export async function retireHealthHours(pool: SqlPool): Promise<number> {
  return inTransaction(pool, async (client) => {
    await client.query(
      `SELECT 1 FROM action_health_window w
       WHERE (w.tenant_id, w.plugin_id, w.action_type) IN
         (SELECT tenant_id, plugin_id, action_type ${OLD_HOURS})
       ORDER BY w.tenant_id, w.plugin_id, w.action_type
       FOR UPDATE OF w`,
    );
    const { rowCount } = await client.query(`DELETE ${OLD_HOURS}`);
    return rowCount ?? 0;
  });
}
