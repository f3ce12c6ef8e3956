import type { RotateSigningSecretResponse } from '@registry/contracts';
import { newSigningSecret, type SqlPool } from '@registry/db';
import { pluginNotFound } from '../errors/plugin-not-found';
import type { RegistryDeps } from '../registry-deps';

/** How long the previous secret keeps signing calls after a rotation (Svix's window). */
export const SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * The signing secrets of plugins that have none yet (created before secrets existed, or
 * inserted around the API), created now so that every call is signed. Rarely more than a no-op.
 */
export async function ensureSigningSecrets(
  sql: SqlPool,
  pluginIds: readonly string[],
): Promise<Map<string, string>> {
  if (pluginIds.length === 0) return new Map();
  await sql.query({
    text: `INSERT INTO plugin_secrets (plugin_id, secret)
           SELECT * FROM unnest($1::uuid[], $2::text[])
           ON CONFLICT (plugin_id) DO NOTHING`,
    values: [pluginIds, pluginIds.map(() => newSigningSecret())],
  });
  const { rows } = await sql.query<{ plugin_id: string; secret: string }>({
    text: 'SELECT plugin_id::text, secret FROM plugin_secrets WHERE plugin_id = ANY($1::uuid[])',
    values: [pluginIds],
  });
  return new Map(rows.map((row) => [row.plugin_id, row.secret]));
}

/**
 * Gives the loaded plugins that have no signing secret one (a write, rarely more than a
 * no-op), so every call to them is signed: run after loading plugins, before calling them.
 */
export async function addMissingSigningSecrets(
  sql: SqlPool,
  plugins: ReadonlyArray<{ id: string; secrets: string[] }>,
): Promise<void> {
  const unsigned = plugins.filter((plugin) => plugin.secrets.length === 0);
  if (unsigned.length === 0) return;
  const created = await ensureSigningSecrets(sql, [
    ...new Set(unsigned.map((plugin) => plugin.id)),
  ]);
  for (const plugin of unsigned) {
    const secret = created.get(plugin.id);
    if (secret) plugin.secrets = [secret];
  }
}

/**
 * Replaces a plugin's signing secret and returns the new one: the only time it is shown. The
 * previous secret keeps signing too (both signatures are sent) until the grace period ends.
 */
export async function rotateSigningSecret(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  slug: string,
  graceMs = SECRET_GRACE_MS,
): Promise<RotateSigningSecretResponse> {
  const secret = newSigningSecret();
  const { rows } = await sql.query<{ previous_valid_until: Date | null }>({
    text: `INSERT INTO plugin_secrets (plugin_id, secret)
           SELECT id, $3 FROM plugins WHERE tenant_id = $1 AND slug = $2
           ON CONFLICT (plugin_id) DO UPDATE
             SET previous_secret = plugin_secrets.secret,
                 previous_valid_until = now() + make_interval(secs => $4 / 1000.0),
                 secret = EXCLUDED.secret,
                 created_at = now()
           RETURNING previous_valid_until`,
    values: [tenantId, slug, secret, graceMs],
  });
  const [row] = rows;
  if (!row) throw pluginNotFound(slug);
  return {
    success: true,
    plugin_slug: slug,
    signing_secret: secret,
    previous_secret_valid_until: row.previous_valid_until?.toISOString() ?? null,
  };
}
