import type { Principal } from './principal';

/** How a registration's history names who made it, without the secret itself. */
export function credentialLabel(principal: Principal | null): string {
  if (!principal) return 'unknown';
  if (principal.kind === 'plugin') return `plugin:${principal.pluginSlug}`;
  return principal.tokenId ? `token:${principal.tokenId}` : principal.via;
}
