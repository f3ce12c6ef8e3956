import type { DispatchResponse } from '@registry/contracts';
import type { RegistryDeps } from '@registry/core';
import { DEFAULT_TENANT_ID } from '@registry/db';
import { actionDefinition, insertPlugin } from '@registry/testing';
import { expect } from 'vitest';
import type { createRestClient } from './rest-client';

export const refund = (fields: string[]) => actionDefinition('refund', { required_fields: fields });
export const ping = actionDefinition('ping');

/** A plugin with `refund` (order_id required) and `ping`; one flow called `refund` twice. */
export async function pluginInUse(
  deps: Pick<RegistryDeps, 'db'>,
  send: ReturnType<typeof createRestClient>,
  apiEndpoint: string,
) {
  const plugin = await insertPlugin(deps.db, DEFAULT_TENANT_ID, {
    apiEndpoint,
    actions: [refund(['order_id']), ping],
  });
  const event = (order_id: string) => ({
    action_type: 'refund',
    plugin_id: plugin.id,
    payload: { order_id },
  });
  const answer = await send('POST', '/api/plugins/events/automation', {
    json: { events: [event('o1'), event('o2')] },
  });
  expect((answer.body as DispatchResponse).summary.successful).toBe(2);
  return plugin;
}
