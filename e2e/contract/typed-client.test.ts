import { createRegistryClient, isRegistryClientError } from '@registry/client';
import {
  actionsInCategory,
  installedPluginSlugs,
  installPlugin,
  signUpCustomer,
} from '@registry/sibling-example';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenWithCli } from '../support/registry-cli';
import { type RunningProduct, startProduct } from '../support/running-product';

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
});
afterAll(() => product?.stop());

/** The tRPC code a call failed with, or `undefined` when it succeeded. */
async function failureCode(call: Promise<unknown>): Promise<string | undefined> {
  try {
    await call;
    return undefined;
  } catch (error) {
    if (isRegistryClientError(error)) return error.data?.code;
    throw error;
  }
}

describe('a sibling app using @registry/client against the started product', () => {
  it('[CLIENT][SIBLING]: lists plugins, discovers by category, installs a plugin, signs up a customer', async () => {
    // Protected local mode: no token exists yet and the product listens on loopback.
    const registry = createRegistryClient({ url: product.baseUrl });

    expect(await installedPluginSlugs(registry)).toEqual(
      expect.arrayContaining(['email-automation', 'sms-notifications']),
    );

    const emailActions = await actionsInCategory(registry, 'email');
    expect(emailActions.map((action) => action.action_type)).toContain('send_welcome_email');
    expect(emailActions.every((action) => action.category === 'email')).toBe(true);

    const installed = await installPlugin(registry, {
      name: 'Loyalty Points',
      slug: 'loyalty-points',
      api_endpoint: 'https://loyalty.example.com/registry',
    });
    // Created with an api_endpoint, it waits for its endpoint's ownership proof.
    expect(installed).toMatchObject({
      slug: 'loyalty-points',
      status: 'pending_verification',
      actions_count: 0,
    });
    expect(installed.api_key).toMatch(/^par_plugin_/);
    expect(await installedPluginSlugs(registry)).toContain('loyalty-points');

    const signUp = await signUpCustomer(registry, { email: 'ada@example.com', first_name: 'Ada' });
    expect(signUp.summary).toMatchObject({ total: 1, successful: 1, failed: 0 });
    expect(signUp.result).toMatchObject({
      success: true,
      action_type: 'create_customer',
      result: { email: 'ada@example.com', first_name: 'Ada', created: true },
    });

    // A plugin's key reads the catalog, and nothing an administrator alone may read.
    const asPlugin = createRegistryClient({ url: product.baseUrl, token: installed.api_key });
    expect(await failureCode(asPlugin.actions.discover.query({ category: 'email' }))).toBe(
      undefined,
    );
    expect(await failureCode(asPlugin.plugins.list.query({}))).toBe('FORBIDDEN');
  });

  it('[CLIENT][TOKEN]: once an admin token exists, it is required, and a wrong one is UNAUTHORIZED', async () => {
    const token = await createTokenWithCli(product.baseUrl, 'sibling-app');

    const withToken = createRegistryClient({ url: product.baseUrl, token });
    expect(await installedPluginSlugs(withToken)).toContain('email-automation');

    const withoutToken = createRegistryClient({ url: product.baseUrl });
    expect(await failureCode(withoutToken.plugins.list.query({}))).toBe('UNAUTHORIZED');

    const withWrongToken = createRegistryClient({
      url: product.baseUrl,
      token: `${token.slice(0, -4)}xxxx`,
    });
    expect(await failureCode(withWrongToken.plugins.list.query({}))).toBe('UNAUTHORIZED');

    // The REST API's OpenAPI document stays public: it describes, it reveals no data.
    const openApi = await fetch(`${product.baseUrl}/api/openapi.json`);
    expect(openApi.status).toBe(200);
    expect(await openApi.json()).toMatchObject({ openapi: '3.1.0' });
  });
});
