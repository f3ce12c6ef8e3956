import type { SqlPool } from '@registry/db';

/**
 * The `action_type_providers` table, and every statement the registry runs on it: which plugin
 * of a tenant provides an action type since when, and which one an admin chose as its default.
 * (Only writers of plugins that bypass registration add rows elsewhere: the migration's
 * backfill, the seed and the test factory.) A row whose plugin no longer registers its type
 * (left by two registrations racing) is ignored, so only `plugins.registered_actions` says
 * what a plugin registers.
 */

/** Whether plugin `p` registers the action type that the SQL expression `typeSql` names. */
const registers = (typeSql: string) =>
  `p.registered_actions @> jsonb_build_object('actions',
     jsonb_build_array(jsonb_build_object('action_type', ${typeSql})))`;

/**
 * Brings a plugin's rows in step with the types it registers now: a type it has just added gets
 * a row stamped now, a type it dropped loses its row (so registering it again later counts from
 * then), and a type it kept keeps its first registration time. It reads the registration under
 * the plugin's row lock, so after racing registrations the last one to run records the set that
 * won.
 */
export async function recordActionTypeProviders(sql: SqlPool, pluginId: string): Promise<void> {
  await sql.query({
    text: `WITH plugin AS (
             SELECT id, tenant_id, registered_actions FROM plugins WHERE id = $1 FOR UPDATE
           ), registered AS (
             SELECT DISTINCT plugin.tenant_id, plugin.id, a.action->>'action_type' AS action_type
             FROM plugin CROSS JOIN LATERAL jsonb_array_elements(
               CASE WHEN jsonb_typeof(plugin.registered_actions->'actions') = 'array'
                    THEN plugin.registered_actions->'actions' ELSE '[]'::jsonb END) AS a(action)
             WHERE jsonb_typeof(a.action->'action_type') = 'string'
           ), dropped AS (
             DELETE FROM action_type_providers r USING plugin
             WHERE r.plugin_id = plugin.id
               AND r.action_type NOT IN (SELECT action_type FROM registered)
           )
           INSERT INTO action_type_providers (tenant_id, plugin_id, action_type)
           SELECT tenant_id, id, action_type FROM registered
           ON CONFLICT DO NOTHING`,
    values: [pluginId],
  });
}

/**
 * The default provider (plugin id) of each of these action types that any plugin of the tenant
 * registers, whatever the plugin's status: the provider an admin chose, else the one that
 * registered the type first. One index probe per type, however many plugins provide it.
 */
export async function loadDefaultProviders(
  sql: SqlPool,
  tenantId: string,
  actionTypes: readonly string[],
): Promise<Map<string, string>> {
  if (actionTypes.length === 0) return new Map();
  const { rows } = await sql.query<{ action_type: string; plugin_id: string }>({
    text: `SELECT t.action_type, d.plugin_id
           FROM unnest($2::text[]) AS t(action_type)
           CROSS JOIN LATERAL (
             SELECT r.plugin_id::text
             FROM action_type_providers r JOIN plugins p ON p.id = r.plugin_id
             WHERE r.tenant_id = $1 AND r.action_type = t.action_type
               AND ${registers('t.action_type')}
             ORDER BY r.chosen_by_admin DESC, r.first_registered_at, r.plugin_id
             LIMIT 1
           ) AS d`,
    values: [tenantId, [...new Set(actionTypes)]],
  });
  return new Map(rows.map((row) => [row.action_type, row.plugin_id]));
}
/**
 * Makes a plugin the default provider of an action type it registers, in place of any other an
 * admin chose before. A plugin registering the type without a row (written around the registry,
 * e.g. by hand) gets one stamped now. Returns false, changing nothing, when the tenant has no
 * such plugin registering the type.
 */
export async function chooseDefaultProvider(
  sql: SqlPool,
  tenantId: string,
  actionType: string,
  pluginId: string,
): Promise<boolean> {
  const { rowCount } = await sql.query({
    text: `WITH plugin AS (
             SELECT p.id, p.tenant_id FROM plugins p
             WHERE p.tenant_id = $1 AND p.id = $3::uuid AND ${registers('$2::text')}
           ), unchosen AS (
             UPDATE action_type_providers r SET chosen_by_admin = false
             FROM plugin
             WHERE r.tenant_id = $1 AND r.action_type = $2 AND r.plugin_id <> plugin.id
               AND r.chosen_by_admin
           )
           INSERT INTO action_type_providers (tenant_id, plugin_id, action_type, chosen_by_admin)
           SELECT tenant_id, id, $2, true FROM plugin
           ON CONFLICT (plugin_id, action_type) DO UPDATE SET chosen_by_admin = true`,
    values: [tenantId, actionType, pluginId],
  });
  return (rowCount ?? 0) > 0;
}
