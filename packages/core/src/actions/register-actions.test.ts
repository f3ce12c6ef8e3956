import { randomUUID } from 'node:crypto';
import { ZRegisterActionsRequestSchema } from '@registry/contracts';
import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { AppError, parseInput } from '../errors/app-error';
import { getPlugin } from '../plugins/plugin-queries';
import { listRegistrations } from './list-registrations';
import { registerActions } from './register-actions';

const deps = testRegistryDeps();

const register = (tenantId: string, slug: string, body: unknown) =>
  registerActions(deps, tenantId, slug, parseInput(ZRegisterActionsRequestSchema, body));

describe('registerActions', () => {
  it('[ACTIONS][REGISTER]: stores the set and reports what changed', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, {
      slug: 'mailer',
      actions: [actionDefinition('old_action')],
    });

    const response = await register(tenant, 'mailer', {
      actions: [actionDefinition('send_welcome_email', { required_fields: ['email'] })],
    });

    expect(response.message).toBe('Registered 1 action for plugin: mailer');
    expect(response.changes).toEqual({
      added: ['send_welcome_email'],
      removed: ['old_action'],
      changed: [],
      unchanged: [],
    });
    const plugin = await getPlugin(deps, tenant, 'mailer');
    expect(plugin.registered_actions.actions.map((a) => a.action_type)).toEqual([
      'send_welcome_email',
    ]);
    expect(plugin.registered_actions.actions[0]?.optional_fields).toEqual([]);
  });

  it("[ACTIONS][REGISTER]: an unknown slug is a 404 and another tenant's plugin is unknown", async () => {
    const owner = newTenantId();
    await insertPlugin(deps.db, owner, { slug: 'private-plugin' });
    const attempt = register(newTenantId(), 'private-plugin', { actions: [actionDefinition('x')] });
    await expect(attempt).rejects.toMatchObject({ code: 'NOT_FOUND', httpStatus: 404 });
  });

  it('[ACTIONS][REGISTER]: a rejected set changes nothing', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, { slug: 'keeper', actions: [actionDefinition('kept')] });
    const duplicate = {
      actions: [actionDefinition('twice'), actionDefinition('twice', { title: 'Again' })],
    };
    expect(() => parseInput(ZRegisterActionsRequestSchema, duplicate)).toThrowError(AppError);
    expect(() => parseInput(ZRegisterActionsRequestSchema, duplicate)).toThrow(
      /actions\[1\]\.action_type: duplicate action_type "twice" \(also at actions\[0\]\)/,
    );
    const plugin = await getPlugin(deps, tenant, 'keeper');
    expect(plugin.registered_actions.actions.map((a) => a.action_type)).toEqual(['kept']);
  });

  it('[ACTIONS][REGISTER]: concurrent registrations leave exactly one submitted set', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, { slug: 'racer' });
    const sets = Array.from({ length: 10 }, (_, i) => [
      actionDefinition(`action_${i}_a`),
      actionDefinition(`action_${i}_b`),
    ]);
    await Promise.all(sets.map((actions) => register(tenant, 'racer', { actions })));
    const stored = (await getPlugin(deps, tenant, 'racer')).registered_actions.actions.map(
      (a) => a.action_type,
    );
    expect(sets.map((set) => set.map((a) => a.action_type))).toContainEqual(stored);
  });

  it('[ACTIONS][REGISTER]: an unchanged re-registration reports every action as unchanged', async () => {
    const tenant = newTenantId();
    await insertPlugin(deps.db, tenant, { slug: `same-${randomUUID().slice(0, 6)}` });
    const slug = (await deps.db.plugin.findFirstOrThrow({ where: { tenantId: tenant } })).slug;
    const body = { actions: [actionDefinition('a'), actionDefinition('b')] };
    await register(tenant, slug, body);
    const again = await register(tenant, slug, body);
    expect(again.changes).toEqual({ added: [], removed: [], changed: [], unchanged: ['a', 'b'] });
  });

  it('[ACTIONS][REGISTER]: the same schema sent again is unchanged, though the database keeps its keys in another order', async () => {
    const tenant = newTenantId();
    const { slug } = await insertPlugin(deps.db, tenant);
    // jsonb keeps object keys shortest first: `times` comes back before `language`, and so do
    // the optional_fields derived from them.
    const input_schema = {
      type: 'object',
      properties: {
        name: { type: 'string' },
        language: { type: 'string' },
        times: { type: 'integer' },
      },
      required: ['name'],
    };
    const body = {
      actions: [{ action_type: 'greet', title: 'Greet', endpoint: '/greet', input_schema }],
    };
    await register(tenant, slug, body);
    const again = await register(tenant, slug, body);
    expect(again.changes).toEqual({ added: [], removed: [], changed: [], unchanged: ['greet'] });
    const [latest] = (await listRegistrations(deps, tenant, slug)).registrations;
    expect(latest?.diff).toEqual({ added: [], removed: [], changed: [], breaking_changes: [] });
  });
});
