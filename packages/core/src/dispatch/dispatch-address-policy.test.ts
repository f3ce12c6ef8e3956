import { createServer } from 'node:net';
import { insertPlugin, newTenantId } from '@registry/testing';
import { describe, expect, it } from 'vitest';
import { testRegistryDeps } from '../../test/support/test-registry-deps';
import { dispatchEvents } from './dispatch-events';

const deps = testRegistryDeps({ PLUGIN_TIMEOUT_MS: '2000' });

describe('dispatch under the plugin URL policy', () => {
  it('[DISPATCH][SSRF]: a plugin pointed at an internal address fails its event; nothing connects', async () => {
    let connections = 0;
    const canary = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((ready) => canary.listen(0, '127.0.0.9', ready));
    const { port } = canary.address() as { port: number };
    const tenant = newTenantId();
    // 2130706441 is 127.0.0.9 written as one decimal number.
    const plugin = await insertPlugin(deps.db, tenant, {
      apiEndpoint: `http://2130706441:${port}`,
      actions: [{ action_type: 'probe', title: 'Probe', required_fields: [], endpoint: '/probe' }],
    });
    const response = await dispatchEvents(deps, tenant, {
      events: [
        { action_type: 'probe', plugin_id: plugin.id, payload: {} },
        { action_type: 'create_task', payload: { title: 'still works' } },
      ],
    });
    canary.close();
    expect(response.results[0]).toMatchObject({
      success: false,
      error_code: 'ADDRESS_NOT_ALLOWED',
      error: 'Plugin address 127.0.0.9 is not allowed (loopback)',
    });
    expect(response.results[1]).toMatchObject({ success: true });
    expect(connections).toBe(0);
  });
});
