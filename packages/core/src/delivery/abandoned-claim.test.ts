import { setTimeout as sleep } from 'node:timers/promises';
import { ZDispatchRequestSchema } from '@registry/contracts';
import { insertWebhookLogPlugin, newTenantId, webhookLog } from '@registry/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isolatedRegistry } from '../../test/support/isolated-registry';
import { enqueueEvents } from '../dispatch/enqueue-events';
import { parseInput } from '../errors/app-error';
import { getExecution } from '../executions/execution-queries';
import { claimExecutions } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';
import { type DeliveryWorker, startDeliveryWorker } from './delivery-worker';

const isolated = isolatedRegistry();
/** A process that claims an event, then loses it (its outcome could not be written) and lives on. */
let survivor: RegistryDeps;
let other: RegistryDeps;
let worker: DeliveryWorker | undefined;
beforeAll(() => {
  survivor = isolated.registry();
  other = isolated.registry();
});
afterAll(() => worker?.stop());

describe('an abandoned claim: a process that lives on does not keep an event it dropped', () => {
  it('[DELIVERY][LEASE]: the lease of a claim nobody delivers lapses while its process keeps others; another worker delivers the event', async () => {
    const tenant = newTenantId();
    const log = webhookLog();
    const plugin = await insertWebhookLogPlugin(survivor.db, tenant, log);
    const request = parseInput(ZDispatchRequestSchema, {
      flow_execution_id: 'abandoned-1',
      events: [{ action_type: 'act', plugin_id: plugin.id, payload: { n: 1 } }],
    });
    const [queued] = (await enqueueEvents(survivor, tenant, request)).results;
    const executionId = queued?.execution_id as string;
    const { rows } = await survivor.sql.query<{ job_id: string }>({
      text: 'SELECT job_id::text FROM action_executions WHERE id = $1',
      values: [executionId],
    });
    // The survivor claims the row, then drops it (as when settling its outcome fails), while it
    // goes on holding leases on other events it delivers.
    const claimed = await claimExecutions(survivor.sql, survivor.instanceId, [
      { executionId, jobId: rows[0]?.job_id as string },
    ]);
    expect(claimed.map((row) => row.id)).toEqual([executionId]);
    const releaseOthers = survivor.leases.hold(['00000000-0000-4000-8000-000000000001']);
    try {
      worker = startDeliveryWorker(other, { pollMs: 50 });
      const until = Date.now() + 40_000;
      let status = '';
      while (Date.now() < until) {
        status = (await getExecution(other, tenant, executionId)).status;
        if (status === 'succeeded') break;
        await sleep(250);
      }
      expect(status).toBe('succeeded');
      expect([...log.received.values()]).toEqual([1]);
    } finally {
      releaseOthers();
    }
  }, 60_000);
});
