import { randomUUID } from 'node:crypto';
import type { DispatchResponse } from '@registry/contracts';
import { getPlugin } from '@registry/core';
import { testRegistryDeps } from '@registry/core/test-support';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, echo, insertPlugin, startPluginServer } from '@registry/testing';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createRestClient } from '../../test/support/rest-client';
import { callerFor } from '../../test/support/trpc-caller';

const deps = testRegistryDeps();
const send = createRestClient(deps);
const caller = callerFor(deps, DEFAULT_TENANT_ID);

describe('re-registration under load', () => {
  it('[ACTIONS][CONCURRENCY]: 50 concurrent re-registrations among dispatches: no 5xx, one submitted set wins', async () => {
    const slug = `busy-${randomUUID().slice(0, 8)}`;
    const server = await startPluginServer({ '/actions/shared': echo });
    onTestFinished(() => server.close());
    const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
      slug,
      apiEndpoint: server.url,
      actions: [actionDefinition('shared', { endpoint: '/actions/shared' })],
    });
    // Every set keeps `shared`, so dispatches always find it, whichever set is current.
    const sets = Array.from({ length: 50 }, (_, n) => [
      actionDefinition('shared', { endpoint: '/actions/shared', title: `Shared v${n}` }),
      actionDefinition(`only_in_set_${n}`),
    ]);
    const dispatch = (n: number) => ({
      events: [{ action_type: 'shared', plugin_id: plugin.id, payload: { n } }],
    });

    const statuses = await Promise.all(
      sets.flatMap((actions, n) => {
        // Half through REST, half through tRPC; a dispatch beside each registration.
        const register =
          n % 2 === 0
            ? send('POST', `/api/plugins/${slug}/register-actions`, { json: { actions } }).then(
                (a) => a.status,
              )
            : caller.actions.register({ slug, actions }).then(() => 200);
        const dispatched = send('POST', '/api/plugins/events/automation', {
          json: dispatch(n),
        }).then((answer) =>
          answer.status === 200 && (answer.body as DispatchResponse).summary.successful === 1
            ? 200
            : answer.status,
        );
        return [register, dispatched];
      }),
    );

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    const stored = (await getPlugin(deps, DEFAULT_TENANT_ID, slug)).registered_actions.actions;
    const winner = sets.find(
      (set) =>
        JSON.stringify(set.map((a) => a.title)) === JSON.stringify(stored.map((a) => a.title)),
    );
    expect(winner?.map((action) => action.action_type)).toEqual(
      stored.map((action) => action.action_type),
    );
    // Events without plugin_id follow the set that won, whatever order the registrations ran.
    for (const action of sets.flat().filter((a) => a.action_type.startsWith('only_in_set_'))) {
      const found = caller.actions.get({ action_type: action.action_type });
      if (winner?.includes(action)) {
        await expect(found).resolves.toMatchObject({ plugin_id: plugin.id });
      } else {
        await expect(found).rejects.toThrow(`Unknown action type: ${action.action_type}`);
      }
    }
    console.log(
      `[concurrency] 50 re-registrations + 50 dispatches at once: ${statuses.length} answers, 0 errors; final set is submitted set ${sets.indexOf(winner ?? [])}`,
    );
  });
});
