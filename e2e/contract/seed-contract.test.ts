import type { DiscoveredAction, DispatchResponse } from '@registry/contracts';
import { startHeaderAddingProxy, startNginxDefaultProxy } from '@registry/testing/loopback';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseJsonSequence, runSeedScript } from '../support/run-script';
import { type RunningProduct, startProduct } from '../support/running-product';

const EMAIL_PLUGIN_ID = '87312788-df51-4002-8eca-9cfc3e3f7d8e';

let product: RunningProduct;
beforeAll(async () => {
  product = await startProduct();
});

describe('protected local mode of the start command', () => {
  it('[AUTH][LOCAL]: the banner says never behind a proxy, and a proxy in front gets 401', async () => {
    expect(product.output()).toContain('Never put this server behind a proxy or tunnel');
    const upstream = product.baseUrl.replace('localhost', '127.0.0.1');
    expect((await fetch(`${upstream}/api/plugins`)).status).toBe(200);
    for (const proxy of [
      await startNginxDefaultProxy(upstream),
      await startHeaderAddingProxy(upstream, { 'x-forwarded-for': '127.0.0.1' }),
    ]) {
      try {
        expect((await fetch(`${proxy.url}/api/plugins`)).status).toBe(401);
        const page = await (await fetch(`${proxy.url}/actions`)).text();
        expect(page).toContain('Sign in to the Action Registry');
      } finally {
        await proxy.close();
      }
    }
  });
});
afterAll(() => product?.stop());

/** The line a step of test-plugin-actions.sh printed after its heading. */
function stepOutput(output: string, heading: string): string {
  const lines = output.split('\n');
  const at = lines.findIndex((line) => line.includes(heading));
  return lines.slice(at + 1).find((line) => line.trim() !== '') ?? '';
}

describe('the seed document, run verbatim against the start command', () => {
  it('[SEED][SCRIPT]: test-plugin-actions.sh prints the documented results', async () => {
    const output = await runSeedScript('test-plugin-actions.sh', product.baseUrl);
    expect(stepOutput(output, '1. Registering')).toBe(
      '"Registered 1 action for plugin: email-automation"',
    );
    expect(stepOutput(output, '2. Discovering')).toBe('1');
    expect(stepOutput(output, '3. Testing platform action')).toBe('1');
    expect(stepOutput(output, '4. Testing plugin action')).toBe('1');
    const mixed = output.slice(output.indexOf('5. Testing mixed'));
    expect(parseJsonSequence(mixed)[0]).toMatchObject({ total: 2, successful: 2, failed: 0 });
  });

  it('[SEED][CURL]: the platform action example creates a product', async () => {
    const [response] = parseJsonSequence(
      await runSeedScript('01-platform-action.sh', product.baseUrl),
    ) as DispatchResponse[];
    expect(response?.summary).toMatchObject({ total: 1, successful: 1, failed: 0 });
    expect(response?.results[0]).toMatchObject({
      action_type: 'create_product',
      success: true,
      result: { name: 'Test Product', price: 19.99 },
    });
  });

  it('[SEED][CURL]: registering then discovering shows the two email actions with plugin_id', async () => {
    const [registered] = parseJsonSequence(
      await runSeedScript('02-register-actions.sh', product.baseUrl),
    ) as { message: string }[];
    expect(registered?.message).toBe('Registered 2 actions for plugin: email-automation');

    const [all, email, byPlugin] = parseJsonSequence(
      await runSeedScript('03-discover-actions.sh', product.baseUrl),
    ) as { actions: DiscoveredAction[] }[];
    const welcome = all?.actions.find((action) => action.action_type === 'send_welcome_email');
    expect(welcome).toMatchObject({
      plugin_id: EMAIL_PLUGIN_ID,
      plugin_slug: 'email-automation',
      plugin_name: 'Email Automation Plugin',
      required_fields: ['user_id', 'email'],
      endpoint: '/actions/send-welcome-email',
    });
    expect(email?.actions.map((action) => action.action_type).sort()).toEqual([
      'send_abandoned_cart_email',
      'send_welcome_email',
    ]);
    expect(byPlugin?.actions.every((action) => action.plugin_slug === 'email-automation')).toBe(
      true,
    );
    expect(byPlugin?.actions).toHaveLength(2);
  });

  it('[SEED][CURL]: the plugin and mixed examples succeed event by event', async () => {
    const [plugin] = parseJsonSequence(
      await runSeedScript('04-plugin-action.sh', product.baseUrl),
    ) as DispatchResponse[];
    expect(plugin?.summary).toMatchObject({ total: 2, successful: 2, failed: 0 });
    expect(plugin?.results[0]).toMatchObject({ plugin_id: EMAIL_PLUGIN_ID, success: true });

    const [mixed] = parseJsonSequence(
      await runSeedScript('05-mixed-actions.sh', product.baseUrl),
    ) as DispatchResponse[];
    expect(mixed?.summary).toMatchObject({ total: 2, successful: 2, failed: 0 });
    expect(mixed?.results.map((result) => result.action_type)).toEqual([
      'create_customer',
      'send_welcome_email',
    ]);
  });

  it('[SEED][PERF]: the performance script dispatches its 100 events, each recorded', async () => {
    const output = await runSeedScript('performance-test-plugin-actions.sh', product.baseUrl);
    expect(output).toContain('Performance test completed: 100 plugin action executions');
    const flows = await Promise.all(
      [1, 50, 100].map(async (i) => {
        const input = encodeURIComponent(JSON.stringify({ flow_execution_id: `perf_test_${i}` }));
        const response = await fetch(`${product.baseUrl}/api/trpc/executions.list?input=${input}`);
        return ((await response.json()) as { result: { data: { items: { status: string }[] } } })
          .result.data.items;
      }),
    );
    for (const items of flows) expect(items.map((item) => item.status)).toEqual(['succeeded']);
  });

  it('[SEED][REGISTER]: a rejected registration leaves the stored actions unchanged', async () => {
    const before = await discover('email-automation');
    const response = await fetch(
      `${product.baseUrl}/api/plugins/email-automation/register-actions`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          actions: [{ action_type: 'Bad Type', title: 'x', required_fields: [], endpoint: '/x' }],
        }),
      },
    );
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain(
      'actions[0].action_type',
    );
    expect(await discover('email-automation')).toEqual(before);
  });
});

async function discover(plugin: string): Promise<DiscoveredAction[]> {
  const response = await fetch(`${product.baseUrl}/api/plugins/actions?plugin=${plugin}`);
  return ((await response.json()) as { actions: DiscoveredAction[] }).actions;
}
