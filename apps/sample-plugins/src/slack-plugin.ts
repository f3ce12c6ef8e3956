import { action, definePlugin } from '@registry/plugin-sdk';
import { z } from 'zod';
import { ActivityLog } from './activity-log';

export const SLACK_PLUGIN_SLUG = 'slack-alerts';

/** A message the plugin "posted" to a Slack channel. */
export interface PostedMessage {
  channel: string;
  text: string;
  /** Slack's message timestamp, the id a reply or an edit would name. */
  ts: string;
}

/**
 * The seed's `slack-alerts` plugin: one action, with the seed's fields and endpoint, "posting"
 * to a channel's outbox (`GET /outbox`).
 */
export function createSlackPlugin(
  outbox = new ActivityLog<PostedMessage>(),
  slug = SLACK_PLUGIN_SLUG,
) {
  return definePlugin({
    slug,
    actions: {
      create_slack_notification: action({
        title: 'Create Slack Notification',
        description: 'Posts a message to a Slack channel',
        category: 'notifications',
        supports_dry_run: true,
        input: z.object({
          channel: z
            .string()
            .regex(/^#?[a-z0-9][a-z0-9._-]{0,79}$/, 'must be a Slack channel name, e.g. #orders'),
          message: z.string().min(1).max(4000),
          mention: z
            .string()
            .regex(/^@?[\w.-]{1,80}$/, 'must be a user, @here or @channel, e.g. @ops-oncall')
            .optional(),
        }),
        handler: ({ channel, message, mention }, context) => {
          const posted = {
            channel: `#${channel.replace(/^#/, '')}`,
            text: mention ? `@${mention.replace(/^@/, '')} ${message}` : message,
            ts: (Date.now() / 1000).toFixed(6),
          };
          const { entry, duplicate } = outbox.record(posted, context);
          return { success: true, ok: true, channel: entry.channel, ts: entry.ts, duplicate };
        },
      }),
    },
    pages: {
      '/outbox': () => ({ json: { count: outbox.list().length, messages: outbox.list() } }),
    },
  });
}
