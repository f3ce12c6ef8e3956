import {
  PENDING_VERIFICATION,
  type Plugin,
  type VerifyEndpointResponse,
} from '@registry/contracts';
import type { Prisma } from '@registry/db';
import { AppError } from '../errors/app-error';
import type { RegistryDeps } from '../registry-deps';
import { checkEndpointOwnership } from './endpoint-ownership';

type Deps = Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp'>;
export type PluginColumns = Prisma.PluginUpdateManyMutationInput & {
  apiEndpoint?: string | null;
  status?: string;
};

/**
 * Applies a change to a plugin under the ownership rule: a plugin with an api_endpoint is active
 * only while that endpoint has answered the challenge.
 * - Asking for `active` (setStatus, PUT, PATCH) proves the endpoint first if needed, and is
 *   refused with 409, changing nothing, if it cannot be proven.
 * - Re-pointing an active plugin keeps the change, holds the plugin in `pending_verification`,
 *   and activates it again as soon as the new endpoint answers.
 */
export async function applyPluginChange(
  deps: Deps,
  tenantId: string,
  slug: string,
  columns: PluginColumns,
  load: () => Promise<Plugin>,
): Promise<Plugin> {
  const current = await deps.db.plugin.findUnique({
    where: { tenantId_slug: { tenantId, slug } },
    select: { id: true, status: true, apiEndpoint: true, endpointCheck: true },
  });
  if (!current) throw AppError.notFound(`Plugin not found: ${slug}`);
  const endpoint = columns.apiEndpoint === undefined ? current.apiEndpoint : columns.apiEndpoint;
  const proven = (to: string) =>
    current.endpointCheck?.apiEndpoint === to && current.endpointCheck.verifiedAt !== null;
  const wantsActive =
    columns.status === 'active' ||
    (columns.status === undefined && ['active', PENDING_VERIFICATION].includes(current.status));

  if (!wantsActive || !endpoint || proven(endpoint)) {
    const status = wantsActive ? 'active' : columns.status;
    await deps.db.plugin.update({ where: { id: current.id }, data: { ...columns, status } });
    return load();
  }
  if (columns.status === 'active') {
    const check = await checkEndpointOwnership(deps, { id: current.id, slug }, endpoint);
    if (!check.verified) {
      throw AppError.conflict(
        `Plugin ${slug} cannot be active until ${endpoint} answers the ownership challenge: ${check.error}`,
      );
    }
    await deps.db.plugin.update({
      where: { id: current.id },
      data: { ...columns, status: 'active' },
    });
    return load();
  }
  await deps.db.plugin.update({
    where: { id: current.id },
    data: { ...columns, status: PENDING_VERIFICATION },
  });
  const check = await checkEndpointOwnership(deps, { id: current.id, slug }, endpoint);
  if (check.verified) {
    await deps.db.plugin.update({ where: { id: current.id }, data: { status: 'active' } });
  }
  return load();
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
  const current = await deps.db.plugin.findUnique({
    where: { tenantId_slug: { tenantId, slug } },
    select: { id: true, status: true, apiEndpoint: true },
  });
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
  await deps.db.plugin.update({ where: { id: current.id }, data: { status: 'active' } });
  return {
    ...base,
    verified: true,
    status: 'active',
    message: 'Endpoint verified; the plugin is active',
  };
}
