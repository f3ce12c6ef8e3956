import { randomUUID } from 'node:crypto';

/** An email the plugin "sent": kept so a person (or a test) can see what went out. */
export interface SentEmail {
  id: string;
  action_type: string;
  to: string;
  subject: string;
  text: string;
  sent_at: string;
  /** The registry's event key (`webhook-id`): a retried event is not sent twice. */
  webhook_id: string | null;
  flow_execution_id: string | null;
}

export type ComposedEmail = Pick<SentEmail, 'to' | 'subject' | 'text'>;

const KEEP = 1000;

/** The plugin's in-memory outbox; the most recent 1000 emails, oldest first. */
export class Outbox {
  readonly #emails: SentEmail[] = [];

  /**
   * Records an email; an event already sent (same webhook-id) returns its first email. A dry
   * run returns the email it would send, and sends (records) nothing.
   */
  send(
    email: ComposedEmail,
    meta: { actionType: string; webhookId?: string; flowExecutionId?: string; dryRun?: boolean },
  ): { email: SentEmail; duplicate: boolean } {
    const earlier = meta.webhookId
      ? this.#emails.find((sent) => sent.webhook_id === meta.webhookId)
      : undefined;
    if (earlier) return { email: earlier, duplicate: true };
    const sent: SentEmail = {
      id: randomUUID(),
      action_type: meta.actionType,
      ...email,
      sent_at: new Date().toISOString(),
      webhook_id: meta.webhookId ?? null,
      flow_execution_id: meta.flowExecutionId ?? null,
    };
    if (meta.dryRun) return { email: sent, duplicate: false };
    this.#emails.push(sent);
    if (this.#emails.length > KEEP) this.#emails.shift();
    return { email: sent, duplicate: false };
  }

  list(): readonly SentEmail[] {
    return this.#emails;
  }
}
