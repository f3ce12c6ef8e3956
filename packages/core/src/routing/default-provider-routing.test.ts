import {
  type EventResult,
  ZDispatchRequestSchema,
  ZRegisterActionsRequestSchema,
} from '@registry/contracts';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  startPluginServer,
} from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { getAction } from '../actions/get-action';
import { registerActions } from '../actions/register-actions';
import { dispatchEvents } from '../dispatch/dispatch-events';
import { parseInput } from '../errors/app-error';
import { deletePlugin, setPluginStatus } from '../plugins/plugin-queries';
import { setDefaultProvider } from './set-default-provider';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '5000' });

const register = (tenant: string, slug: string, actionTypes: string[]) =>
  registerActions(
    deps,
    tenant,
    slug,
    // These plugins drop types their callers used on purpose: routing, not the policy, is tested.
    parseInput(ZRegisterActionsRequestSchema, {
      actions: actionTypes.map((type) => actionDefinition(type)),
      allow_breaking: true,
    }),
  );

/** A plugin on a loopback server of its own, registering `actionTypes` through the registry. */
async function servedPlugin(tenant: string, slug: string, actionTypes: string[]) {
  const server = await startPluginServer(
    Object.fromEntries(
      ['send_welcome_email', 'send_receipt'].map((type) => [
        `/actions/${type.replaceAll('_', '-')}`,
        echo,
      ]),
    ),
  );
  onTestFinished(() => server.close());
  const plugin = await insertPlugin(deps.db, tenant, { slug, apiEndpoint: server.url });
  await register(tenant, slug, actionTypes);
  return { slug, id: plugin.id, server };
}

/** Sends one send_welcome_email event without plugin_id, as the seed's automation plugin does. */
async function sendWelcomeEmail(tenant: string): Promise<EventResult> {
  const response = await dispatchEvents(
    deps,
    tenant,
    parseInput(ZDispatchRequestSchema, {
      events: [{ action_type: 'send_welcome_email', payload: { email: 'ada@example.com' } }],
    }),
  );
  const [result] = response.results;
  if (!result) throw new Error('no result');
  return result;
}

/** `getAction` names the plugin dispatch chose, or refuses with dispatch's reason. */
async function expectGetActionAgrees(tenant: string, result: EventResult) {
  const found = getAction(deps, tenant, { action_type: 'send_welcome_email' });
  if (result.success) {
    await expect(found).resolves.toMatchObject({
      plugin_id: result.plugin_id,
      default_provider: true,
    });
  } else {
    await expect(found).rejects.toMatchObject({ code: 'NOT_FOUND', message: result.error });
  }
}

describe('routing without plugin_id: the default provider', () => {
  it("[ROUTING][HIJACK]: a plugin registering another plugin's action type gets none of its events while that plugin is inactive", async () => {
    const tenant = newTenantId();
    const owner = await servedPlugin(tenant, 'email-automation', ['send_welcome_email']);
    const rival = await servedPlugin(tenant, 'rival', ['send_welcome_email']);
    await setPluginStatus(deps, tenant, owner.slug, 'inactive');

    const result = await sendWelcomeEmail(tenant);

    expect(result).toMatchObject({
      success: false,
      error_code: 'PLUGIN_INACTIVE',
      plugin_id: owner.id,
      plugin_slug: 'email-automation',
    });
    expect(result.success === false && result.error).toMatch(
      /^Plugin email-automation is inactive, and it is the default provider of send_welcome_email/,
    );
    expect(rival.server.calls).toHaveLength(0);
    expect(owner.server.calls).toHaveLength(0);
    await expectGetActionAgrees(tenant, result);
  });

  it('[ROUTING][DEFAULT]: a second provider changes nothing: the first keeps the events, plugin_id reaches the second', async () => {
    const tenant = newTenantId();
    const first = await servedPlugin(tenant, 'first', ['send_welcome_email']);
    const second = await servedPlugin(tenant, 'second', ['send_welcome_email']);

    const result = await sendWelcomeEmail(tenant);
    const named = await dispatchEvents(
      deps,
      tenant,
      parseInput(ZDispatchRequestSchema, {
        events: [{ action_type: 'send_welcome_email', plugin_id: second.id, payload: {} }],
      }),
    );

    expect(result).toMatchObject({ success: true, plugin_id: first.id });
    expect(named.results[0]).toMatchObject({ success: true, plugin_id: second.id });
    expect(first.server.calls).toHaveLength(1);
    expect(second.server.calls).toHaveLength(1);
    await expectGetActionAgrees(tenant, result);
  });

  it('[ROUTING][HANDOVER]: a default provider that stops registering the type, or is deleted, hands it to the next by first registration', async () => {
    const tenant = newTenantId();
    const first = await servedPlugin(tenant, 'first', ['send_welcome_email', 'send_receipt']);
    const second = await servedPlugin(tenant, 'second', ['send_welcome_email']);
    const third = await servedPlugin(tenant, 'third', ['send_welcome_email']);

    await register(tenant, first.slug, ['send_receipt']);
    const afterUnregistering = await sendWelcomeEmail(tenant);
    await expectGetActionAgrees(tenant, afterUnregistering);
    await deletePlugin(deps, tenant, second.slug);
    // Registering the type again counts from now: the first plugin is now the last provider.
    await register(tenant, first.slug, ['send_receipt', 'send_welcome_email']);
    const afterDeleting = await sendWelcomeEmail(tenant);
    await expectGetActionAgrees(tenant, afterDeleting);

    expect(afterUnregistering).toMatchObject({ success: true, plugin_id: second.id });
    expect(afterDeleting).toMatchObject({ success: true, plugin_id: third.id });
    expect(first.server.calls).toHaveLength(0);
  });

  it("[ROUTING][ADMIN]: an admin's choice beats first registration until the chosen plugin stops registering the type", async () => {
    const tenant = newTenantId();
    const owner = await servedPlugin(tenant, 'email-automation', ['send_welcome_email']);
    const successor = await servedPlugin(tenant, 'successor', ['send_welcome_email']);
    await setPluginStatus(deps, tenant, owner.slug, 'inactive');

    await setDefaultProvider(deps, tenant, {
      action_type: 'send_welcome_email',
      plugin_id: successor.id,
    });
    const chosen = await sendWelcomeEmail(tenant);
    await expectGetActionAgrees(tenant, chosen);
    await register(tenant, successor.slug, ['send_receipt']);
    const lapsed = await sendWelcomeEmail(tenant);
    await expectGetActionAgrees(tenant, lapsed);

    expect(chosen).toMatchObject({ success: true, plugin_id: successor.id });
    expect(lapsed).toMatchObject({ success: false, error_code: 'PLUGIN_INACTIVE' });
    expect(successor.server.calls).toHaveLength(1);
  });
});
