import { expect } from 'vitest';
import type { RegistryDeps } from '../../src/registry-deps';
import { dispatchBody } from './dispatch-body';

type Payload = Record<string, unknown>;

/**
 * Runs platform actions the way automation flows reach them: one event at a time through
 * `dispatchEvents`, for the platform tests.
 */
export function platformActionRunner(deps: RegistryDeps) {
  async function perform(tenantId: string, action_type: string, payload: Payload) {
    const body = { events: [{ action_type, payload }] };
    const [result] = (await dispatchBody(deps, tenantId, body)).results;
    if (!result) throw new Error('dispatchEvents returned no result');
    return result;
  }

  /** The action's result, or a thrown error naming the action if it failed. */
  async function succeed(tenantId: string, actionType: string, payload: Payload) {
    const result = await perform(tenantId, actionType, payload);
    if (!result.success) throw new Error(`${actionType} failed: ${result.error}`);
    return result.result as Payload;
  }

  /** Asserts the action refuses the payload as INVALID_PAYLOAD with `message` in its error. */
  async function expectInvalidPayload(
    tenantId: string,
    actionType: string,
    payload: Payload,
    message: string,
  ) {
    const result = await perform(tenantId, actionType, payload);
    expect(result).toMatchObject({ error_code: 'INVALID_PAYLOAD' });
    expect(result.success === false && result.error).toContain(message);
  }

  return { perform, succeed, expectInvalidPayload };
}
