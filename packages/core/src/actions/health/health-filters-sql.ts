import { HEALTHY_SUCCESS_RATE } from '@registry/contracts';

/** The window row of a catalog row (plugin `p`, action entry `a`), by its primary key. */
const WINDOW_ROW_OF_ENTRY = `FROM action_health_window w
  WHERE w.tenant_id = p.tenant_id AND w.plugin_id = p.id
    AND w.action_type = a.action->>'action_type'`;

/**
 * `?healthy=true` (isHealthy's twin) on a row of discovery's catalog walk: circuit closed, and no
 * calls or enough succeeded. One probe of each table by key, so a page costs the rows it walks.
 */
export const HEALTHY_ROW_SQL = `NOT EXISTS (SELECT 1 FROM plugin_delivery_state ds
    WHERE ds.plugin_id = p.id AND ds.circuit_state <> 'closed')
  AND NOT EXISTS (SELECT 1 ${WINDOW_ROW_OF_ENTRY}
    AND w.successes::float8 / w.calls < ${HEALTHY_SUCCESS_RATE})`;

/** No calls in the window: the part of a health-sorted catalog that follows the ranked part. */
export const UNCALLED_ROW_SQL = `NOT EXISTS (SELECT 1 ${WINDOW_ROW_OF_ENTRY})`;
