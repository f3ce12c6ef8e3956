import { actionDefinition, insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { actionNames, discoverAllPages, discoverPage } from '../../test/support/discovery';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { AppError } from '../errors/app-error';

const deps = testRegistryDeps();

const page = (tenantId: string, query: Record<string, string>) =>
  discoverPage(deps, tenantId, query);

async function allPages(tenantId: string, query: Record<string, string>) {
  const { actions, pages } = await discoverAllPages(deps, tenantId, query);
  return { seen: actionNames(actions), pages };
}

async function tenantWithPlugins() {
  const tenant = newTenantId();
  for (const slug of ['alpha', 'beta', 'gamma']) {
    await insertPlugin(deps.db, tenant, {
      slug,
      actions: [1, 2, 3].map((n) =>
        actionDefinition(`${slug}_action_${n}`, { category: n === 2 ? 'sms' : 'email' }),
      ),
    });
  }
  return tenant;
}

describe('discoverActions pages', () => {
  it('[ACTIONS][PAGES]: walking the cursor returns the full list once, in order', async () => {
    const tenant = await tenantWithPlugins();
    const everything = (await page(tenant, {})).actions.map(
      (a) => `${a.plugin_slug ?? 'platform'}:${a.action_type}`,
    );
    expect(everything).toHaveLength(13 + 9);
    for (const limit of ['1', '4', '13', '14', '50']) {
      const { seen } = await allPages(tenant, { limit });
      expect(seen).toEqual(everything);
    }
  });

  it('[ACTIONS][PAGES]: a filtered page holds at most `limit` matches and says when more remain', async () => {
    const tenant = await tenantWithPlugins();
    const first = await page(tenant, { category: 'email', limit: '4' });
    expect(first.actions.map((a) => a.action_type)).toEqual([
      'alpha_action_1',
      'alpha_action_3',
      'beta_action_1',
      'beta_action_3',
    ]);
    expect(first.next_cursor).not.toBeNull();
    const rest = await page(tenant, {
      category: 'email',
      limit: '4',
      cursor: first.next_cursor as string,
    });
    expect(rest.actions.map((a) => a.action_type)).toEqual(['gamma_action_1', 'gamma_action_3']);
    expect(rest.next_cursor).toBeNull();
  });

  it('[ACTIONS][PAGES]: without a limit there is one page and no cursor', async () => {
    const tenant = await tenantWithPlugins();
    const result = await page(tenant, { plugin: 'beta' });
    expect(result.actions).toHaveLength(3);
    expect(result.next_cursor).toBeNull();
  });

  it('[ACTIONS][PAGES]: a cursor this API did not issue is a 400 naming the cursor', async () => {
    const tenant = newTenantId();
    await expect(page(tenant, { cursor: 'not-a-cursor' })).rejects.toThrow(AppError);
    await expect(page(tenant, { cursor: 'not-a-cursor' })).rejects.toThrow(
      /cursor: is not a cursor/,
    );
  });

  it('[ACTIONS][PAGES]: common and rare categories page the same way among thousands of plugins', async () => {
    const tenant = newTenantId();
    // 2,100 plugins: every one offers 'common', every 1,000th also 'rare' (both plans in play).
    await deps.sql.query(
      `INSERT INTO plugins (tenant_id, name, slug, registered_actions)
       SELECT $1, 'P' || i, 'p-' || lpad(i::text, 5, '0'), jsonb_build_object('actions',
         CASE WHEN i % 1000 = 0
           THEN jsonb_build_array(jsonb_build_object('action_type', 'rare_one', 'title', 'R',
                  'category', 'rare', 'required_fields', '[]'::jsonb, 'endpoint', '/r'),
                jsonb_build_object('action_type', 'common_one', 'title', 'C',
                  'category', 'common', 'required_fields', '[]'::jsonb, 'endpoint', '/c'))
           ELSE jsonb_build_array(jsonb_build_object('action_type', 'common_one', 'title', 'C',
                  'category', 'common', 'required_fields', '[]'::jsonb, 'endpoint', '/c'))
         END)
       FROM generate_series(1, 2100) AS i`,
      [tenant],
    );
    const common = await page(tenant, { category: 'common', limit: '3' });
    expect(common.actions.map((a) => a.plugin_slug)).toEqual(['p-00001', 'p-00002', 'p-00003']);
    const next = await page(tenant, {
      category: 'common',
      limit: '2',
      cursor: common.next_cursor as string,
    });
    expect(next.actions.map((a) => a.plugin_slug)).toEqual(['p-00004', 'p-00005']);
    const { seen } = await allPages(tenant, { category: 'rare', limit: '1' });
    expect(seen).toEqual(['p-01000:rare_one', 'p-02000:rare_one']);
  });
});
