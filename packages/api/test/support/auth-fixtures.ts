import { randomUUID } from 'node:crypto';
import { ZCreatePluginRequestSchema } from '@registry/contracts';
import {
  createAdminToken,
  createPlugin,
  type RegistryDeps,
  revokeAdminToken,
} from '@registry/core';
import { actionDefinition, newTenantId } from '@registry/testing';

/** A plugin named after its slug, with every other field at its default. */
export const pluginInput = (slug: string) => ZCreatePluginRequestSchema.parse({ name: slug, slug });

/** Every kind of credential the matrix tries; the `otherTenant` ones belong to tenant B. */
export const CREDENTIAL_KINDS = [
  'none',
  'malformed',
  'revoked',
  'otherTenantAdmin',
  'otherTenantPluginKey',
  'anotherPluginKey',
  'ownPluginKey',
  'ownAdmin',
] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

type OtherTenantKind = Extract<CredentialKind, `otherTenant${string}`>;
export const isOtherTenant = (kind: CredentialKind): kind is OtherTenantKind =>
  kind.startsWith('otherTenant');

async function pluginWithAction(deps: RegistryDeps, tenantId: string, slug: string) {
  const created = await createPlugin(deps, tenantId, pluginInput(slug));
  await deps.db.plugin.update({
    where: { id: created.id },
    data: { registeredActions: { actions: [actionDefinition('own_action')] } },
  });
  return created;
}

/** Tenant A with its admin tokens and plugin keys: what the matrix calls on, and as. */
export async function createAuthFixtures(deps: RegistryDeps) {
  const tenantA = newTenantId();
  const ownPlugin = await pluginWithAction(deps, tenantA, 'own-plugin');
  const otherPlugin = await pluginWithAction(deps, tenantA, 'other-plugin');
  const revoked = await createAdminToken(deps, tenantA, 'revoked');
  await revokeAdminToken(deps, tenantA, revoked.id);
  const ownAdmin = await createAdminToken(deps, tenantA, 'a');
  const credentials: Record<Exclude<CredentialKind, OtherTenantKind>, string | undefined> = {
    none: undefined,
    malformed: 'Basic dXNlcjpwYXNz',
    revoked: `Bearer ${revoked.token}`,
    anotherPluginKey: `Bearer ${otherPlugin.api_key}`,
    ownPluginKey: `Bearer ${ownPlugin.api_key}`,
    ownAdmin: `Bearer ${ownAdmin.token}`,
  };
  /** Tenant A's secrets in clear, which no answer to tenant B may hold. */
  const secrets = [revoked.token, ownAdmin.token, ownPlugin.api_key, otherPlugin.api_key];
  return { tenantA, ownPlugin, otherPlugin, credentials, secrets };
}

export type AuthFixtures = Awaited<ReturnType<typeof createAuthFixtures>>;

/**
 * The credential of `kind`. Tenant B's come from a new tenant B (an admin and a plugin of its
 * own) for each call: it owns nothing that could echo an earlier call, so whatever of tenant A's
 * its answer holds and this call did not send was read from tenant A.
 */
export async function credentialFor(
  deps: RegistryDeps,
  fixtures: AuthFixtures,
  kind: CredentialKind,
): Promise<string | undefined> {
  if (!isOtherTenant(kind)) return fixtures.credentials[kind];
  const tenantB = newTenantId();
  const plugin = await pluginWithAction(deps, tenantB, 'foreign-plugin');
  const admin = await createAdminToken(deps, tenantB, 'b');
  return `Bearer ${kind === 'otherTenantAdmin' ? admin.token : plugin.api_key}`;
}

/** Things in tenant A that an operation may consume (delete, revoke), made fresh for each call. */
export async function freshTargets(deps: RegistryDeps, fixtures: AuthFixtures) {
  const slug = `target-${randomUUID().slice(0, 8)}`;
  await createPlugin(deps, fixtures.tenantA, pluginInput(slug));
  const token = await createAdminToken(deps, fixtures.tenantA, 'target');
  const execution = (status: string) =>
    deps.db.actionExecution.create({
      data: {
        tenantId: fixtures.tenantA,
        flowExecutionId: 'matrix',
        eventIndex: 0,
        actionType: 'own_action',
        status,
        payload: {},
      },
    });
  const [succeeded, dead] = [await execution('succeeded'), await execution('dead')];
  return { slug, tokenId: token.id, executionId: succeeded.id, deadExecutionId: dead.id };
}
