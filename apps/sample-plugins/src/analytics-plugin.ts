import { action, definePlugin } from '@registry/plugin-sdk';
import { z } from 'zod';
import { ActivityLog } from './activity-log';

export const ANALYTICS_PLUGIN_SLUG = 'analytics-tracker';

/** A custom event the plugin "tracked". */
export interface TrackedEvent {
  event_name: string;
  user_id: string | null;
  properties: Record<string, unknown>;
}

/**
 * The seed's `analytics-tracker` plugin (seeded inactive): one action, with the seed's fields
 * and endpoint, recording events (`GET /events`).
 */
export function createAnalyticsPlugin(
  events = new ActivityLog<TrackedEvent>(),
  slug = ANALYTICS_PLUGIN_SLUG,
) {
  return definePlugin({
    slug,
    actions: {
      track_event: action({
        title: 'Track Event',
        description: 'Records a custom analytics event',
        category: 'analytics',
        supports_dry_run: true,
        input: z.object({
          event_name: z
            .string()
            .regex(
              /^[\w.:-]{1,100}$/,
              'must be 1-100 letters, digits, _ . : -, e.g. checkout.completed',
            ),
          user_id: z.string().min(1).optional(),
          properties: z.record(z.string(), z.unknown()).optional(),
        }),
        handler: ({ event_name, user_id, properties }, context) => {
          const tracked = { event_name, user_id: user_id ?? null, properties: properties ?? {} };
          const { entry, duplicate } = events.record(tracked, context);
          return { success: true, event_id: entry.id, event_name, duplicate };
        },
      }),
    },
    pages: { '/events': () => ({ json: { count: events.list().length, events: events.list() } }) },
  });
}
