import { definePlugin, type ListenOptions, listen, type RunningPlugin } from '@registry/plugin-sdk';
import { marketingEmails } from './marketing-emails';
import { orderEmails } from './order-emails';
import { Outbox, type SentEmail } from './outbox';
import { outboxPage } from './outbox-page';

export const EMAIL_PLUGIN_SLUG = 'email-automation';

/**
 * The seed document's sample email automation plugin: ten email actions and an outbox. It is
 * `email-automation` unless registered under another slug (a second store, a test).
 */
export function createEmailPlugin(outbox = new Outbox(), slug = EMAIL_PLUGIN_SLUG) {
  return definePlugin({
    slug,
    actions: { ...orderEmails(outbox), ...marketingEmails(outbox) },
    pages: {
      '/': () => ({ html: outboxPage(outbox.list()) }),
      '/outbox': () => ({ json: { count: outbox.list().length, emails: outbox.list() } }),
    },
  });
}

export interface RunningEmailPlugin extends RunningPlugin {
  /** What this process sent, oldest first. */
  sent(): readonly SentEmail[];
}

export async function startEmailPlugin(
  options: ListenOptions & { slug?: string } = {},
): Promise<RunningEmailPlugin> {
  const outbox = new Outbox();
  const running = await listen(createEmailPlugin(outbox, options.slug), options);
  return Object.assign(running, { sent: () => outbox.list() });
}
