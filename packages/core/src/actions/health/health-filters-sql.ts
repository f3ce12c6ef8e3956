import { HEALTHY_SUCCESS_RATE } from '@registry/contracts';
import { WINDOW_START_SQL } from './health-rollup';

/**
 * Conditions on a plugin action row of discovery's catalog walk (plugin `p`, action entry `a`).
 * Each probes the action's own rollup rows by the primary key (at most 24), so a page still
 * costs the rows it walks, not the catalog's size.
 */
const ROLLUP_OF_ROW = `FROM action_health_hourly h
  WHERE h.tenant_id = p.tenant_id AND h.plugin_id = p.id
    AND h.action_type = a.action->>'action_type' AND h.hour >= ${WINDOW_START_SQL}`;

/** `?healthy=true` (isHealthy's twin): circuit closed, and no calls or enough succeeded. */
export const HEALTHY_ROW_SQL = `NOT EXISTS (SELECT 1 FROM plugin_delivery_state ds
    WHERE ds.plugin_id = p.id AND ds.circuit_state <> 'closed')
  AND (SELECT coalesce(sum(h.successes)::float8 / nullif(sum(h.calls), 0), 1) ${ROLLUP_OF_ROW})
    >= ${HEALTHY_SUCCESS_RATE}`;

/** No calls in the window: the part of a health-sorted catalog that follows the ranked part. */
export const UNCALLED_ROW_SQL = `NOT EXISTS (SELECT 1 ${ROLLUP_OF_ROW})`;
