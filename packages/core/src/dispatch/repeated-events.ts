import type { AutomationEvent, EventResult } from '@registry/contracts';
import type { RegistryDeps } from '../registry-deps';
import { awaitRecordedExecutions, replayedResult } from './recorded-executions';

/** An event whose idempotency key was claimed by another event first. */
export interface RepeatedEvent {
  index: number;
  event: AutomationEvent;
  idempotencyKey: string;
  fingerprint: string;
}

export interface EventContext {
  tenantId: string;
  flowExecutionId: string;
}

/** Events of this batch that claimed their key, by key: their run's result when it is known. */
export type OwnedRuns = Map<
  string,
  { executionId: string; fingerprint: string; answer: Promise<EventResult> }
>;

/**
 * Answers repeated events without calling anything: with the outcome of the event that claimed
 * the key (in this batch, or in an earlier or concurrent request, waiting until `deadline`
 * while it is in flight, and answering its state then), or with IDEMPOTENCY_CONFLICT when the
 * key was used for a different event.
 */
export async function settleRepeatedEvents(
  deps: Pick<RegistryDeps, 'sql' | 'logger'>,
  context: EventContext,
  repeated: readonly RepeatedEvent[],
  owned: OwnedRuns,
  deadline: number,
): Promise<EventResult[]> {
  if (repeated.length === 0) return [];
  const elsewhere = repeated.filter((event) => !owned.has(event.idempotencyKey));
  const recorded = await awaitRecordedExecutions(
    deps.sql,
    context.tenantId,
    elsewhere.map((event) => event.idempotencyKey),
    deadline,
  );
  const conflict = (event: RepeatedEvent, executionId: string, why: string): EventResult => {
    const message = `${keyName(context, event)} ${why} (execution ${executionId})`;
    deps.logger.info({ ...context, eventKey: event.idempotencyKey, why }, 'idempotency conflict');
    return {
      index: event.index,
      execution_id: executionId,
      action_type: event.event.action_type,
      ...(event.event.plugin_id ? { plugin_id: event.event.plugin_id } : {}),
      success: false,
      status: 'failed',
      error: message,
      error_code: 'IDEMPOTENCY_CONFLICT',
      duration_ms: 0,
      attempts: 0,
    };
  };
  return Promise.all(
    repeated.map(async (event): Promise<EventResult> => {
      const first = owned.get(event.idempotencyKey) ?? recorded.get(event.idempotencyKey);
      if (!first) {
        const unknown = '00000000-0000-0000-0000-000000000000';
        return conflict(event, unknown, 'is recorded but its record could not be read; retry');
      }
      const executionId = 'answer' in first ? first.executionId : first.id;
      const fingerprint = 'answer' in first ? first.fingerprint : first.payload_hash;
      if (fingerprint !== event.fingerprint) {
        return conflict(event, executionId, 'was already used for a different action or payload');
      }
      if ('answer' in first) {
        return { ...(await first.answer), index: event.index, replayed: true };
      }
      return replayedResult(first, event.index);
    }),
  );
}

function keyName(context: EventContext, { event, index }: RepeatedEvent): string {
  return event.idempotency_key
    ? `idempotency_key "${event.idempotency_key}"`
    : `Event ${index} of flow_execution_id "${context.flowExecutionId}"`;
}
