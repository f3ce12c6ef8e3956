import {
  PENDING_VERIFICATION,
  type Plugin,
  type VerifyEndpointResponse,
} from '@registry/contracts';
import { AppError } from '../errors/app-error';
import type { RegistryDeps } from '../registry-deps';
import { checkEndpointOwnership } from './endpoint-ownership';
import { findPluginEndpoint, type PluginColumns, updatePlugin, updatePluginWhile } from './store';

type Deps = Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp'>;

/**
 * Applies a change to a plugin under the ownership rule: a plugin with an api_endpoint is active
 * only while that endpoint has answered the challenge.
 * - Activating (setStatus `active`: the dashboard's button, tRPC `plugins.setStatus`) proves
 *   the endpoint first if needed, and is refused with 409, changing nothing, if it cannot.
 * - Any other change (PUT, PATCH, re-pointing) is kept; a plugin that should be active but whose
 *   endpoint is unproven is held in `pending_verification`, and activated at once if the
 *   endpoint answers the challenge then. The answer's `status` says which happened, so a legacy
 *   PUT that omits `status` (meaning active) is not refused for a proof it never asked about.
 */
export async function applyPluginChange(
  deps: Deps,
  tenantId: string,
  slug: string,
  columns: PluginColumns,
  load: () => Promise<Plugin>,
  { refuseUnproven = false } = {},
): Promise<Plugin> {
  const current = await findPluginEndpoint(deps.db, { tenantId, slug });
  if (!current) throw AppError.notFound(`Plugin not found: ${slug}`);
  const endpoint = columns.apiEndpoint === undefined ? current.apiEndpoint : columns.apiEndpoint;
  const proven = (to: string) =>
    current.endpointCheck?.apiEndpoint === to && current.endpointCheck.verifiedAt !== null;
  const wantsActive =
    columns.status === 'active' ||
    (columns.status === undefined && ['active', PENDING_VERIFICATION].includes(current.status));

  if (!wantsActive || !endpoint || proven(endpoint)) {
    const status = wantsActive ? 'active' : columns.status;
    // Activating on a proof read above: only while nobody re-pointed the plugin since.
    const guard = status === 'active' ? current.apiEndpoint : undefined;
    const where = { id: current.id, endpoint: guard };
    if (!(await updatePluginWhile(deps.db, where, { ...columns, status }))) {
      throw repointedMeanwhile(slug);
    }
    return load();
  }
  if (refuseUnproven) {
    const check = await checkEndpointOwnership(deps, { id: current.id, slug }, endpoint);
    if (!check.verified) {
      throw AppError.conflict(
        `Plugin ${slug} cannot be active until ${endpoint} answers the ownership challenge: ${check.error}`,
      );
    }
    const where = { id: current.id, endpoint: current.apiEndpoint };
    if (!(await updatePluginWhile(deps.db, where, { ...columns, status: 'active' }))) {
      throw repointedMeanwhile(slug);
    }
    return load();
  }
  await updatePlugin(deps.db, current.id, { ...columns, status: PENDING_VERIFICATION });
  const check = await checkEndpointOwnership(deps, { id: current.id, slug }, endpoint);
  if (check.verified) {
    // Re-pointed while the proof ran: the new endpoint waits for its own proof.
    await updatePluginWhile(
      deps.db,
      { id: current.id, endpoint, status: PENDING_VERIFICATION },
      { status: 'active' },
    );
  }
  return load();
}

function repointedMeanwhile(slug: string): AppError {
  return AppError.conflict(
    `Plugin ${slug} was re-pointed by another request while this one ran; nothing was changed, try again`,
  );
}

/**
 * Proves the plugin's current api_endpoint on request (after its server got its signing secret),
 * and activates a plugin that was waiting for that proof.
 */
export async function verifyPluginEndpoint(
  deps: Deps,
  tenantId: string,
  slug: string,
): Promise<VerifyEndpointResponse> {
  const current = await findPluginEndpoint(deps.db, { tenantId, slug });
  if (!current) throw AppError.notFound(`Plugin not found: ${slug}`);
  const base = { plugin_slug: slug, api_endpoint: current.apiEndpoint };
  if (!current.apiEndpoint) {
    return {
      ...base,
      verified: false,
      status: current.status,
      message: 'Plugin has no api_endpoint to verify',
    };
  }
  const check = await checkEndpointOwnership(deps, { id: current.id, slug }, current.apiEndpoint);
  if (!check.verified) {
    return {
      ...base,
      verified: false,
      status: current.status,
      message: check.error ?? 'Not verified',
    };
  }
  if (current.status !== PENDING_VERIFICATION) {
    return { ...base, verified: true, status: current.status, message: 'Endpoint verified' };
  }
  const activated = await updatePluginWhile(
    deps.db,
    { id: current.id, endpoint: current.apiEndpoint, status: PENDING_VERIFICATION },
    { status: 'active' },
  );
  if (!activated) {
    // Another request changed the plugin meanwhile: its state, not this proof, decides.
    const now = await findPluginEndpoint(deps.db, { id: current.id });
    if (now?.apiEndpoint === current.apiEndpoint) {
      return { ...base, verified: true, status: now.status, message: 'Endpoint verified' };
    }
    return {
      ...base,
      verified: false,
      status: now?.status ?? current.status,
      message: `The plugin was re-pointed to ${now?.apiEndpoint ?? 'no endpoint'} while ${current.apiEndpoint} was being verified; verify the new endpoint`,
    };
  }
  return {
    ...base,
    verified: true,
    status: 'active',
    message: 'Endpoint verified; the plugin is active',
  };
}
