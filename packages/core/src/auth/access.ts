import { AppError } from '../errors/app-error';
import type { Access, Principal } from './principal';

export const AUTHENTICATION_HELP =
  'Send Authorization: Bearer <token>. Create an admin token with `pnpm registry token create ' +
  '--name <name>`, or sign in to the dashboard with one; a plugin uses the API key it was given.';

/**
 * The one rule every tRPC procedure and REST route goes through. Returns the principal allowed
 * to proceed, or throws 401 (no credential) / 403 (a credential without the right).
 */
export function authorize(
  principal: Principal | null,
  access: Access,
  target: { slug?: string; problem?: string } = {},
): Principal {
  if (!principal) {
    const why = target.problem ? ` ${target.problem}` : '';
    throw new AppError('UNAUTHORIZED', `Authentication required.${why} ${AUTHENTICATION_HELP}`);
  }
  if (principal.kind === 'admin') return principal;
  if (access === 'catalog') return principal;
  if (
    access === 'plugin-self' &&
    target.slug !== undefined &&
    target.slug === principal.pluginSlug
  ) {
    return principal;
  }
  throw new AppError(
    'FORBIDDEN',
    access === 'plugin-self'
      ? `A plugin key may only act for its own plugin (${principal.pluginSlug})`
      : 'A plugin key may only register its own actions and read the catalog',
  );
}
