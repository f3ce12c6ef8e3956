import type { Db } from '@registry/db';
import { DEFAULT_TENANT_ID } from '@registry/db';
import type { Principal } from './principal';
import { isLocalRequest, isLoopbackAddress, type RequestOrigin } from './request-origin';

export interface AccessSettings {
  /** `production` never grants local access, whatever else holds. */
  mode: 'local' | 'production';
  /** Whether the server accepts connections on loopback addresses only. */
  listensOnLoopback: boolean;
}

/** Access settings from the environment: REGISTRY_MODE and where the server listens. */
export function accessSettingsFrom(env: {
  REGISTRY_MODE?: string;
  REGISTRY_LISTEN_HOST?: string;
}): AccessSettings {
  const host = env.REGISTRY_LISTEN_HOST ?? '';
  return {
    mode: env.REGISTRY_MODE === 'production' ? 'production' : 'local',
    // Unknown means "not loopback": a server that does not say where it listens gets no local
    // access. The start command says.
    listensOnLoopback: host === 'localhost' || isLoopbackAddress(host),
  };
}

/** One line for the start command and the CLI: which access mode is active, and how to change it. */
export function describeLocalAccess(state: LocalAccessState, host: string): string {
  if (state.active) {
    return (
      "Access: protected local mode. Requests from this machine act as the default tenant's " +
      'admin, without a token; creating an admin token (pnpm registry token create --name <you>) ' +
      'turns this off.'
    );
  }
  switch (state.reason) {
    case 'production':
      return 'Access: production mode. Every request needs an admin token or a plugin key.';
    case 'not-loopback':
      return `Access: tokens required. The server listens on ${host}, not on this machine only.`;
    case 'tokens-configured':
      return 'Access: admin tokens configured. Every request needs a token or a plugin key.';
  }
}

export type LocalAccessState =
  | { active: true }
  | { active: false; reason: 'production' | 'not-loopback' | 'tokens-configured' };

const TOKEN_CHECK_TTL_MS = 2_000;
const tokenChecks = new WeakMap<Db, { configured: boolean; at: number }>();

/**
 * Protected local mode, after Redis's: while no admin token exists and the server listens only
 * on loopback, requests from this machine act as the default tenant's admin, so the seed
 * document's curl examples work on a developer's machine. Creating any admin token, listening
 * elsewhere, or production mode turns it off.
 */
export async function localAccessState(deps: {
  db: Db;
  access: AccessSettings;
}): Promise<LocalAccessState> {
  if (deps.access.mode === 'production') return { active: false, reason: 'production' };
  if (!deps.access.listensOnLoopback) return { active: false, reason: 'not-loopback' };
  if (await adminTokensConfigured(deps.db)) return { active: false, reason: 'tokens-configured' };
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

/** Cached briefly: checked on every credential-less request. Creating a token clears it. */
async function adminTokensConfigured(db: Db): Promise<boolean> {
  const cached = tokenChecks.get(db);
  if (cached && Date.now() - cached.at < TOKEN_CHECK_TTL_MS) return cached.configured;
  const configured = (await db.apiToken.count({ where: { revokedAt: null }, take: 1 })) > 0;
  tokenChecks.set(db, { configured, at: Date.now() });
  return configured;
}

export function forgetTokenCheck(db: Db): void {
  tokenChecks.delete(db);
}
