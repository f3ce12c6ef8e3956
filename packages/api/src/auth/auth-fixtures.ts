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

/** Two tenants with admin tokens and plugin keys: every kind of credential the matrix tries. */
export async function createAuthFixtures(deps: RegistryDeps) {
  const tenantA = newTenantId();
  const tenantB = newTenantId();
  const plugin = async (tenantId: string, slug: string) => {
    const created = await createPlugin(deps, tenantId, pluginInput(slug));
    await deps.db.plugin.update({
      where: { id: created.id },
      data: { registeredActions: { actions: [actionDefinition('own_action')] } },
    });
    return created;
  };
  const ownPlugin = await plugin(tenantA, 'own-plugin');
  const otherPlugin = await plugin(tenantA, 'other-plugin');
  const foreignPlugin = await plugin(tenantB, 'foreign-plugin');
  const revoked = await createAdminToken(deps, tenantA, 'revoked');
  await revokeAdminToken(deps, tenantA, revoked.id);
  const credentials = {
    none: undefined,
    malformed: 'Basic dXNlcjpwYXNz',
    revoked: `Bearer ${revoked.token}`,
    otherTenantAdmin: `Bearer ${(await createAdminToken(deps, tenantB, 'b')).token}`,
    anotherPluginKey: `Bearer ${otherPlugin.api_key}`,
    ownPluginKey: `Bearer ${ownPlugin.api_key}`,
    ownAdmin: `Bearer ${(await createAdminToken(deps, tenantA, 'a')).token}`,
  } as const;
  return { tenantA, tenantB, ownPlugin, otherPlugin, foreignPlugin, credentials };
}

export type AuthFixtures = Awaited<ReturnType<typeof createAuthFixtures>>;
export type CredentialKind = keyof AuthFixtures['credentials'];

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
