import type {
  AsyncDispatchResponse,
  DispatchRequest,
  ExecutionSource,
  QueuedEvent,
} from '@registry/contracts';
import { loadExecutionsByKey } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';
import { acceptEvents } from './accept-events';

/**
 * Dispatches a batch without waiting (`"mode": "async"`): every event is recorded and queued in
 * one transaction and the answer says so at once. Events refused before any call come back
 * `failed` with their reason; a replayed key answers its record's current state. Workers deliver
 * the rest; `GET /api/executions` tells how each went.
 */
export async function enqueueEvents(
  deps: Pick<RegistryDeps, 'sql' | 'queue' | 'notifications' | 'instanceId' | 'metrics'>,
  tenantId: string,
  request: DispatchRequest,
  source: ExecutionSource = 'api',
): Promise<AsyncDispatchResponse> {
  const batch = await acceptEvents(deps, tenantId, request, 'async', source);
  const results: QueuedEvent[] = batch.owned.map((event) => ({
    index: event.index,
    action_type: event.event.action_type,
    ...(event.target.kind !== 'platform' && event.target.plugin
      ? { plugin_id: event.target.plugin.id }
      : {}),
    execution_id: event.executionId,
    ...(event.refusal
      ? { status: 'failed', error: event.refusal.message, error_code: event.refusal.code }
      : { status: 'queued' }),
  }));
  const ownedByKey = new Map(
    batch.owned.map((event, i) => [event.idempotencyKey, results[i] as QueuedEvent]),
  );
  const recorded = new Map(
    (
      await loadExecutionsByKey(
        deps.sql,
        tenantId,
        batch.repeated.map((event) => event.idempotencyKey),
      )
    ).map((row) => [row.idempotency_key, row]),
  );
  for (const event of batch.repeated) {
    const base = {
      index: event.index,
      action_type: event.event.action_type,
      replayed: true as const,
    };
    const inBatch = ownedByKey.get(event.idempotencyKey);
    const row = recorded.get(event.idempotencyKey);
    const sameEvent = inBatch
      ? batch.owned.find((o) => o.idempotencyKey === event.idempotencyKey)?.fingerprint ===
        event.fingerprint
      : row?.payload_hash === event.fingerprint;
    const executionId = inBatch?.execution_id ?? row?.id ?? '00000000-0000-0000-0000-000000000000';
    if (!sameEvent) {
      results.push({
        ...base,
        execution_id: executionId,
        status: 'failed',
        error_code: 'IDEMPOTENCY_CONFLICT',
        error: `The event's idempotency key was already used for a different action or payload (execution ${executionId})`,
      });
    } else if (inBatch) {
      results.push({ ...inBatch, ...base });
    } else if (row) {
      results.push({
        ...base,
        execution_id: row.id,
        ...(row.plugin_id ? { plugin_id: row.plugin_id } : {}),
        status: row.status,
        ...(row.error ? { error: row.error } : {}),
        ...(row.error_code ? { error_code: row.error_code } : {}),
      });
    }
  }
  results.sort((a, b) => a.index - b.index);
  const count = (statuses: string[]) => results.filter((r) => statuses.includes(r.status)).length;
  return {
    flow_execution_id: batch.flowExecutionId,
    mode: 'async',
    results,
    summary: {
      total: results.length,
      queued: count(['queued', 'running', 'retrying']),
      failed: count(['failed', 'dead']),
      succeeded: count(['succeeded']),
    },
  };
}
