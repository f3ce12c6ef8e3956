import { ADMIN_TOKEN_PREFIX, type AdminToken, type CreatedAdminToken } from '@registry/contracts';
import type { Db, Prisma } from '@registry/db';
import { AppError } from '../errors/app-error';
import { noteTokenCreated } from './local-access';
import { generateSecret, hashSecret, secretPrefix } from './secrets';

type TokenRow = Prisma.ApiTokenGetPayload<object>;

function toAdminTokenDto(row: TokenRow): AdminToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
    expires_at: row.expiresAt?.toISOString() ?? null,
  };
}

/**
 * A new admin token for a tenant, lasting `expiresInMs` if given (else until revoked); its
 * secret is returned this once and stored only hashed.
 */
export async function createAdminToken(
  { db }: { db: Db },
  tenantId: string,
  name: string,
  expiresInMs?: number,
): Promise<CreatedAdminToken> {
  const token = generateSecret(ADMIN_TOKEN_PREFIX);
  const expiresAt = expiresInMs === undefined ? null : new Date(Date.now() + expiresInMs);
  const row = await db.apiToken.create({
    data: { tenantId, name, tokenHash: hashSecret(token), prefix: secretPrefix(token), expiresAt },
  });
  noteTokenCreated(db);
  return { ...toAdminTokenDto(row), token };
}

export async function listAdminTokens({ db }: { db: Db }, tenantId: string): Promise<AdminToken[]> {
  const rows = await db.apiToken.findMany({ where: { tenantId }, orderBy: { createdAt: 'desc' } });
  return rows.map(toAdminTokenDto);
}

/**
 * Revokes a token at once: the next request carrying it is refused, and the dashboard sessions
 * signed in with it end.
 */
export async function revokeAdminToken(
  { db }: { db: Db },
  tenantId: string,
  id: string,
): Promise<AdminToken> {
  const { count } = await db.apiToken.updateMany({
    where: { id, tenantId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  await db.dashboardSession.deleteMany({ where: { token: { id, tenantId } } });
  const row = await db.apiToken.findFirst({ where: { id, tenantId } });
  if (!row) throw AppError.notFound(`Admin token not found: ${id}`);
  if (count === 0 && !row.revokedAt)
    throw AppError.conflict(`Admin token ${id} could not be revoked`);
  return toAdminTokenDto(row);
}
