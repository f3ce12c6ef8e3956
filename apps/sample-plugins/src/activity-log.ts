import { randomUUID } from 'node:crypto';
import type { ActionContext } from '@registry/plugin-sdk';

/** What a sample plugin did for one event, with the event's identity beside it. */
export type Logged<Fields> = Fields & {
  id: string;
  action_type: string;
  at: string;
  /** The registry's event key (`webhook-id`): a retried event is not done twice. */
  webhook_id: string | null;
  flow_execution_id: string | null;
};

const KEEP = 1000;

/**
 * A sample plugin's in-memory record of what it "sent" or "tracked", so a person (or a test)
 * can see it; the most recent 1000 entries, oldest first.
 */
export class ActivityLog<Fields extends object> {
  readonly #entries: Logged<Fields>[] = [];

  /**
   * Records an event's work; an event already done (same webhook-id) returns its first entry.
   * A dry run (`context.dryRun`) returns the entry it would record, and records nothing.
   */
  record(fields: Fields, context: ActionContext): { entry: Logged<Fields>; duplicate: boolean } {
    const earlier = context.webhookId
      ? this.#entries.find((entry) => entry.webhook_id === context.webhookId)
      : undefined;
    if (earlier) return { entry: earlier, duplicate: true };
    const entry: Logged<Fields> = {
      id: randomUUID(),
      action_type: context.actionType,
      ...fields,
      at: new Date().toISOString(),
      webhook_id: context.webhookId ?? null,
      flow_execution_id: context.flowExecutionId ?? null,
    };
    if (context.dryRun) return { entry, duplicate: false };
    this.#entries.push(entry);
    if (this.#entries.length > KEEP) this.#entries.shift();
    return { entry, duplicate: false };
  }

  list(): readonly Logged<Fields>[] {
    return this.#entries;
  }
}
