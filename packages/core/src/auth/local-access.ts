import type { Db } from '@registry/db';
import { DEFAULT_TENANT_ID } from '@registry/db';
import type { Principal } from './principal';
import { isLocalRequest, type RequestOrigin } from './request-origin';

export interface AccessSettings {
  /** `production` never grants local access, whatever else holds. */
  mode: 'local' | 'production';
}

/** Access settings from the environment: REGISTRY_MODE. */
export function accessSettingsFrom(env: { REGISTRY_MODE?: string }): AccessSettings {
  return { mode: env.REGISTRY_MODE === 'production' ? 'production' : 'local' };
}

/**
 * The start command's banner: which access mode is active, and how to change it. Local mode
 * cannot tell a proxy or tunnel on this machine from a local client in every case (a TCP tunnel
 * looks exactly like one), so the banner says it must never sit behind either.
 */
export function describeLocalAccess(state: LocalAccessState, listensOnLoopback: boolean): string {
  if (state.active && listensOnLoopback) {
    return (
      "Access: protected local mode. Requests from this machine act as the default tenant's " +
      'admin, without a token. Never put this server behind a proxy or tunnel (nginx, ssh -L, ' +
      'socat): use REGISTRY_MODE=production there. Creating an admin token ' +
      '(pnpm registry token create --name <you>) ends local mode for good.'
    );
  }
  if (state.active) {
    return 'Access: tokens required. The server listens beyond loopback, so nothing is local.';
  }
  return state.reason === 'production'
    ? 'Access: production mode. Every request needs an admin token or a plugin key.'
    : 'Access: admin tokens exist. Every request needs a token or a plugin key.';
}

export type LocalAccessState =
  | { active: true }
  | { active: false; reason: 'production' | 'tokens-configured' };

/** Once true it stays true: local mode never comes back after the first admin token. */
const tokensEverCreated = new WeakSet<Db>();
/** "None yet" is re-checked at most this often: it is asked on every credential-less request. */
const NO_TOKENS_TTL_MS = 2_000;
const noTokensCheckedAt = new WeakMap<Db, number>();

/**
 * Protected local mode, after Redis's: until the first admin token is created, requests from
 * this machine act as the default tenant's admin, so the seed document's curl examples work on
 * a developer's machine. Any admin token ever created (revoked ones too) or production mode
 * turns it off for good. Which requests count as from this machine: `isLocalRequest`.
 */
export async function localAccessState(deps: {
  db: Db;
  access: AccessSettings;
}): Promise<LocalAccessState> {
  if (deps.access.mode === 'production') return { active: false, reason: 'production' };
  if (await adminTokensEverCreated(deps.db)) return { active: false, reason: 'tokens-configured' };
  return { active: true };
}

export async function localAdmin(
  deps: { db: Db; access: AccessSettings },
  request: RequestOrigin,
): Promise<Principal | null> {
  if (!isLocalRequest(request)) return null;
  const state = await localAccessState(deps);
  return state.active ? { kind: 'admin', tenantId: DEFAULT_TENANT_ID, via: 'local' } : null;
}

/**
 * Answers yes for good once any token exists (revoking every token later does not reopen local
 * mode). A token another process created (the CLI writing to the database) is seen within 2 s.
 */
async function adminTokensEverCreated(db: Db): Promise<boolean> {
  if (tokensEverCreated.has(db)) return true;
  const checkedAt = noTokensCheckedAt.get(db);
  if (checkedAt !== undefined && Date.now() - checkedAt < NO_TOKENS_TTL_MS) return false;
  const created = (await db.apiToken.count({ take: 1 })) > 0;
  if (created) tokensEverCreated.add(db);
  else noTokensCheckedAt.set(db, Date.now());
  return created;
}

/** Called by whoever creates a token in this process, so local mode ends without a query. */
export function noteTokenCreated(db: Db): void {
  tokensEverCreated.add(db);
}
