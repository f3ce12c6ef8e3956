import { ADMIN_TOKEN_PREFIX } from '@registry/contracts';
import type { Db } from '@registry/db';
import { findPluginByKeyHash } from '../plugins/store';
import type { Principal } from './principal';
import { hashSecret } from './secrets';

/**
 * Who presents this secret: an admin token (not revoked, not expired) or a plugin's API key.
 * Unknown, revoked, expired and malformed secrets all answer null, so callers cannot tell
 * them apart.
 */
export async function authenticateSecret(
  { db }: { db: Db },
  secret: string,
): Promise<Principal | null> {
  if (secret.length < 20 || secret.length > 200) return null;
  const hash = hashSecret(secret);
  if (secret.startsWith(ADMIN_TOKEN_PREFIX)) {
    const token = await db.apiToken.findUnique({ where: { tokenHash: hash } });
    if (!token || !isLive(token)) return null;
    await touchToken(db, token.id, token.lastUsedAt);
    return { kind: 'admin', tenantId: token.tenantId, via: 'token', tokenId: token.id };
  }
  const plugin = await findPluginByKeyHash(db, hash);
  if (!plugin) return null;
  return {
    kind: 'plugin',
    tenantId: plugin.tenantId,
    pluginId: plugin.id,
    pluginSlug: plugin.slug,
  };
}

/** Whether an admin token may act: neither revoked nor past its expiry. */
export function isLive(token: { revokedAt: Date | null; expiresAt: Date | null }): boolean {
  return !token.revokedAt && (!token.expiresAt || token.expiresAt.getTime() > Date.now());
}

/** Records use at most once a minute per token: enough for "last used", no write per request. */
export async function touchToken(db: Db, id: string, lastUsedAt: Date | null): Promise<void> {
  if (lastUsedAt && Date.now() - lastUsedAt.getTime() < 60_000) return;
  await db.apiToken.update({ where: { id }, data: { lastUsedAt: new Date() } });
}
