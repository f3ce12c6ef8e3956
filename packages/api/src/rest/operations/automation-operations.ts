import {
  ZAsyncDispatchResponseSchema,
  ZAutomationHealthSchema,
  ZDispatchRequestSchema,
  ZDispatchResponseSchema,
} from '@registry/contracts';
import { automationHealth, dispatchEvents, enqueueEvents } from '@registry/core';
import { defineOperation } from '../rest-operation';

const tag = 'Automation';

/** The automation endpoint: dispatch (sync or async) and health. */
export const AUTOMATION_OPERATIONS = [
  defineOperation({
    method: 'POST',
    path: '/api/plugins/events/automation',
    access: 'admin',
    tag,
    summary: 'Dispatch a batch of automation events',
    description:
      'Every event is recorded and queued durably first. By default the answer waits for each event\'s outcome (an event still failing at the deadline comes back `retrying`, with `next_attempt_at`, and the queue goes on with it). With `"mode": "async"` or `Prefer: respond-async` the answer is 202 at once: outcomes come from `GET /api/executions`. Each event fails or succeeds on its own; results come back in input order. A replayed event\'s key answers its recorded outcome. With `"dry_run": true` everything up to the call runs (routing, validation, URL policy, circuit) but nothing is done: platform actions roll back and answer what they would return, plugin actions that `supports_dry_run` are called with `webhook-dry-run: true`, others are not called and the answer shows the request that would be sent; only a `dry_run` record is kept in history.',
    body: ZDispatchRequestSchema,
    responses: {
      200: { description: 'Per-event results and a summary', schema: ZDispatchResponseSchema },
      202: {
        description: 'Async: what was queued, and what was refused before any call',
        schema: ZAsyncDispatchResponseSchema,
      },
    },
    handle: async ({ deps, tenantId, request, body }) => {
      const async = body.mode === 'async' || (body.mode === undefined && prefersAsync(request));
      // A dry run does nothing to queue: it is always answered at once, in the sync shape.
      if (async && !body.dry_run) {
        const queued = await enqueueEvents(deps, tenantId, body, 'rest');
        return { status: 202, body: queued, headers: { 'preference-applied': 'respond-async' } };
      }
      return { body: await dispatchEvents(deps, tenantId, body, 'rest') };
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/api/plugins/events/automation',
    access: 'catalog',
    tag,
    summary: 'Health: platform and plugin actions, circuit breakers',
    responses: {
      200: { description: 'Healthy', schema: ZAutomationHealthSchema },
      503: {
        description: 'Degraded: plugin actions could not be listed',
        schema: ZAutomationHealthSchema,
      },
    },
    handle: async ({ deps, tenantId }) => {
      const health = await automationHealth(deps, tenantId);
      return { status: health.status === 'healthy' ? 200 : 503, body: health };
    },
  }),
];

/** RFC 7240: `Prefer: respond-async` (among other preferences, any case). */
function prefersAsync(request: Request): boolean {
  return (request.headers.get('prefer') ?? '')
    .split(',')
    .some((preference) => preference.trim().toLowerCase().startsWith('respond-async'));
}
