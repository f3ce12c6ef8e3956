import { ZDispatchRequestSchema } from '@registry/contracts';
import { dispatchEvents } from '../../src/dispatch/dispatch-events';
import { parseInput } from '../../src/errors/app-error';
import type { RegistryDeps } from '../../src/registry-deps';

/** Dispatches `body` as the API does: checked as a dispatch request, then `dispatchEvents`. */
export const dispatchBody = (deps: RegistryDeps, tenantId: string, body: unknown) =>
  dispatchEvents(deps, tenantId, parseInput(ZDispatchRequestSchema, body));
