import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  startPluginServer,
  testEnv,
} from '@registry/testing';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRegistryDeps } from '../create-registry-deps';
import { parseInput } from '../errors/app-error';
import { dispatchEvents } from './dispatch-events';

const deps = createRegistryDeps(
  testEnv({
    PLUGIN_TIMEOUT_MS: '5000',
    PLUGIN_RETRY_SCHEDULE: '0s',
  }),
);
afterAll(() => deps.close());

describe('isolation between plugins', () => {
  it('[DISPATCH][ISOLATION]: one plugin of ten hangs; the other nine keep serving meanwhile', async () => {
    const tenant = newTenantId();
    const plugins = [];
    for (let n = 0; n < 10; n++) {
      const server = await startPluginServer({ '/actions/act': n === 0 ? () => {} : echo });
      onTestFinished(() => server.close());
      plugins.push(
        await insertPlugin(deps.db, tenant, {
          apiEndpoint: server.url,
          actions: [actionDefinition('act')],
        }),
      );
    }
    const send = (ids: string[], perPlugin: number) =>
      dispatchEvents(
        deps,
        tenant,
        parseInput(ZDispatchRequestSchema, {
          events: ids.flatMap((id) =>
            Array.from({ length: perPlugin }, (_, n) => ({
              action_type: 'act',
              plugin_id: id,
              payload: { n },
            })),
          ),
        }),
      );
    const [hanging, ...healthy] = plugins.map((plugin) => plugin.id);

    const stuck = send([hanging as string], 10);
    const started = performance.now();
    const served = await send(healthy, 10);
    const servedMs = performance.now() - started;

    expect(served.summary).toMatchObject({ total: 90, successful: 90 });
    // Served while the hanging plugin's events were still waiting for their deadline.
    expect(servedMs).toBeLessThan(5000);
    const timedOut = await stuck;
    expect(timedOut.summary).toMatchObject({ total: 10, failed: 10 });
    console.log(
      `[isolation] 90 events to 9 healthy plugins took ${Math.round(servedMs)} ms while 10 events hung on the tenth`,
    );
  });
});
