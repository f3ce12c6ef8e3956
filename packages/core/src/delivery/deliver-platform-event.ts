import { prismaSqlRunner } from '@registry/db';
import { EventFailure } from '../errors/event-failure';
import { settleExecutions } from '../executions/store';
import { runPlatformAction } from '../platform/run-platform-action';
import type { RegistryDeps } from '../registry-deps';
import type { DeliveryRun, EventDelivery } from './deliver-event';

/**
 * Runs a platform action and records its outcome in one transaction: the product it creates
 * and the `succeeded` row commit together, so a process dying in between never leaves work done
 * but unrecorded (which a takeover would do again). Failures roll the work back and are
 * recorded on their own. Settles the row itself (held by `owner`).
 */
export async function deliverPlatformEvent(
  deps: Pick<RegistryDeps, 'db' | 'sql' | 'metrics' | 'logger'>,
  delivery: EventDelivery & { target: { kind: 'platform' } },
  owner: string,
): Promise<DeliveryRun> {
  const started = performance.now();
  const elapsed = () => Math.round((performance.now() - started) * 100) / 100;
  const { executionId: id, target, tenantId, payload } = delivery;
  let run: DeliveryRun;
  try {
    run = await deps.db.$transaction(async (tx) => {
      const result = await runPlatformAction(target.action, { db: tx, tenantId }, payload);
      const succeeded: DeliveryRun = {
        id,
        status: 'succeeded',
        result,
        durationMs: elapsed(),
        attempts: [],
      };
      const written = await settleExecutions(prismaSqlRunner(tx), owner, [succeeded]);
      if (!written.has(id)) throw new LeaseLost();
      return { ...succeeded, settled: true };
    });
  } catch (error) {
    const failure = error instanceof EventFailure ? error : unexpected(deps, delivery, error);
    run = {
      id,
      status: 'failed',
      error: failure.message,
      errorCode: failure.code,
      failure,
      durationMs: elapsed(),
      attempts: [],
      settled: true,
    };
    await settleExecutions(deps.sql, owner, [run]);
  }
  const outcome = run.status === 'succeeded' ? 'success' : (run.errorCode ?? 'INTERNAL_ERROR');
  deps.metrics.eventFinished(delivery.actionType, 'platform', outcome);
  return run;
}

/** Another process took the event over (this one stalled past its lease): its work is undone. */
class LeaseLost extends Error {}

function unexpected(
  deps: Pick<RegistryDeps, 'logger'>,
  delivery: EventDelivery,
  error: unknown,
): EventFailure {
  deps.logger.error(
    {
      err: error,
      tenantId: delivery.tenantId,
      eventKey: delivery.webhookId,
      actionType: delivery.actionType,
    },
    'automation event failed unexpectedly',
  );
  return new EventFailure('INTERNAL_ERROR', 'The action failed unexpectedly; see the server log');
}
