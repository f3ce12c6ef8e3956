import type { RegistryDeps } from '../registry-deps';
import { claimExecutions, type PendingExecution, reopenUnsentFailures } from './execution-log';

/** An event as dispatch tracks it: where it sits, its key, and the row that records it. */
export interface KeyedEvent {
  index: number;
  idempotencyKey: string;
  record: PendingExecution;
}

/** Which event of the batch runs each key this request owns, under which execution id. */
export type KeyOwners = Map<string, { index: number; executionId: string }>;

/**
 * Claims the batch's idempotency keys: each new key's pending row is inserted (one statement);
 * a key recorded earlier is reopened when its event failed before any plugin call. Keys left
 * out are someone else's: those events answer with the recorded outcome.
 */
export async function claimEvents(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  flowExecutionId: string,
  events: readonly KeyedEvent[],
): Promise<KeyOwners> {
  const claimed = await claimExecutions(
    sql,
    tenantId,
    flowExecutionId,
    events.map((event) => event.record),
  );
  const owners: KeyOwners = new Map();
  for (const event of events) {
    if (claimed.has(event.record.id)) {
      owners.set(event.idempotencyKey, { index: event.index, executionId: event.record.id });
    }
  }
  const recordedBefore = events.filter((event) => !owners.has(event.idempotencyKey));
  const reopened = await reopenUnsentFailures(
    sql,
    tenantId,
    recordedBefore.map((event) => event.record),
  );
  for (const row of reopened) {
    const event = recordedBefore.find(
      ({ idempotencyKey, record }) =>
        idempotencyKey === row.idempotency_key && record.payloadHash === row.payload_hash,
    );
    if (event) owners.set(row.idempotency_key, { index: event.index, executionId: row.id });
  }
  return owners;
}
