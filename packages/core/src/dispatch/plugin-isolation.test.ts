import type { ServerResponse } from 'node:http';
import { ZDispatchRequestSchema } from '@registry/contracts';
import {
  actionDefinition,
  echo,
  insertPlugin,
  newTenantId,
  type PluginRoute,
  sendJson,
  startPluginServer,
  testEnv,
} from '@registry/testing';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRegistryDeps } from '../create-registry-deps';
import { parseInput } from '../errors/app-error';
import { dispatchEvents } from './dispatch-events';

// No deadline ends a held call before the test (30 s at most) lets it go.
const NEVER_MS = '120000';
const deps = createRegistryDeps(
  testEnv({
    PLUGIN_RETRY_SCHEDULE: '0s',
    PLUGIN_TIMEOUT_MS: NEVER_MS,
    PLUGIN_TIMEOUT_MAX_MS: NEVER_MS,
    PLUGIN_EVENT_DEADLINE_MS: NEVER_MS,
  }),
);
afterAll(() => deps.close());

const EVENTS_PER_PLUGIN = 10;

/**
 * A plugin that holds every call until the test lets go: "hanging" lasts exactly as long as
 * the test needs, so no figure of time decides the outcome (how fast the others are served is
 * the benchmark's business: bench/src/scenarios/isolation.ts).
 */
function holdingRoute() {
  const held: ServerResponse[] = [];
  let arrived: () => void = () => {};
  const allArrived = new Promise<void>((resolve) => {
    arrived = resolve;
  });
  const route: PluginRoute = (_call, response) => {
    held.push(response);
    if (held.length === EVENTS_PER_PLUGIN) arrived();
  };
  return {
    allArrived,
    route,
    release: () => {
      for (const response of held) sendJson(response, 200, { ok: true });
    },
  };
}

describe('isolation between plugins', () => {
  it('[DISPATCH][ISOLATION]: one plugin of ten hangs; the other nine keep serving meanwhile', async () => {
    const tenant = newTenantId();
    const hanging = holdingRoute();
    const plugins = [];
    for (let n = 0; n < 10; n++) {
      const server = await startPluginServer({ '/actions/act': n === 0 ? hanging.route : echo });
      onTestFinished(() => server.close());
      plugins.push(
        await insertPlugin(deps.db, tenant, {
          apiEndpoint: server.url,
          actions: [actionDefinition('act')],
        }),
      );
    }
    const send = (ids: string[]) =>
      dispatchEvents(
        deps,
        tenant,
        parseInput(ZDispatchRequestSchema, {
          events: ids.flatMap((id) =>
            Array.from({ length: EVENTS_PER_PLUGIN }, (_, n) => ({
              action_type: 'act',
              plugin_id: id,
              payload: { n },
            })),
          ),
        }),
      );
    const [hangingId, ...healthy] = plugins.map((plugin) => plugin.id);

    let stuckSettled = false;
    const stuck = send([hangingId as string]).finally(() => {
      stuckSettled = true;
    });
    await hanging.allArrived;
    const served = await send(healthy);

    expect(served.summary).toMatchObject({ total: 90, successful: 90 });
    // Served while every call to the hanging plugin was still held.
    expect(stuckSettled).toBe(false);
    hanging.release();
    expect((await stuck).summary).toMatchObject({ total: 10, successful: 10 });
    console.log(
      '[isolation] 90 events to 9 healthy plugins served while 10 calls hung on the tenth',
    );
  });
});
