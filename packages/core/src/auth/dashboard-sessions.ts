import { ADMIN_TOKEN_PREFIX } from '@registry/contracts';
import type { Db } from '@registry/db';
import { isLive, touchToken } from './authenticate';
import type { Principal } from './principal';
import { generateSecret, hashSecret } from './secrets';

/** How long a dashboard sign-in lasts, at most (never past its token's own expiry). */
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
const SESSION_PREFIX = 'par_session_';

export interface StartedSession {
  /** The cookie's value: shown to the browser only, stored only hashed. */
  sessionId: string;
  tenantId: string;
  expiresAt: Date;
}

/**
 * Signs the dashboard in with an admin token: a new random session id, so the browser never
 * holds the token itself. Null when the secret is not a live admin token (a plugin key is not).
 */
export async function startDashboardSession(
  { db }: { db: Db },
  adminToken: string,
): Promise<StartedSession | null> {
  if (!adminToken.startsWith(ADMIN_TOKEN_PREFIX) || adminToken.length > 200) return null;
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(adminToken) } });
  if (!token || !isLive(token)) return null;
  const now = Date.now();
  const lifetime = Math.min(SESSION_LIFETIME_MS, (token.expiresAt?.getTime() ?? Infinity) - now);
  const expiresAt = new Date(now + lifetime);
  const sessionId = generateSecret(SESSION_PREFIX);
  // Ended sessions are of no use to anyone: each sign-in clears them away.
  await db.dashboardSession.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
  await db.dashboardSession.create({
    data: { tokenId: token.id, sessionHash: hashSecret(sessionId), expiresAt },
  });
  await touchToken(db, token.id, token.lastUsedAt);
  return { sessionId, tenantId: token.tenantId, expiresAt };
}

/**
 * The admin a dashboard session acts as: while the session has not ended and its token is
 * live (not revoked, not expired). Null otherwise, whatever the reason.
 */
export async function authenticateSession(
  { db }: { db: Db },
  sessionId: string,
): Promise<Principal | null> {
  if (!sessionId.startsWith(SESSION_PREFIX) || sessionId.length > 200) return null;
  const session = await db.dashboardSession.findUnique({
    where: { sessionHash: hashSecret(sessionId) },
    include: { token: true },
  });
  if (!session || session.expiresAt.getTime() <= Date.now() || !isLive(session.token)) {
    return null;
  }
  await touchToken(db, session.token.id, session.token.lastUsedAt);
  return {
    kind: 'admin',
    tenantId: session.token.tenantId,
    via: 'session',
    tokenId: session.tokenId,
  };
}

/** Signs a dashboard session out: its id is refused from now on. */
export async function endDashboardSession({ db }: { db: Db }, sessionId: string): Promise<void> {
  await db.dashboardSession.deleteMany({ where: { sessionHash: hashSecret(sessionId) } });
}
