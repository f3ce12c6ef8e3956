import { z } from 'zod';

/**
 * A plugin's events still to deliver: `queued` and `retrying` wait for a worker (or for the
 * plugin), `running` are being delivered, `dead` ran out of attempts and wait for an operator
 * (redeliver or recover). `oldest_waiting_at`: when the oldest queued or retrying event was
 * recorded, null when none waits.
 */
export const ZPluginBacklogSchema = z.object({
  queued: z.number().int(),
  running: z.number().int(),
  retrying: z.number().int(),
  dead: z.number().int(),
  oldest_waiting_at: z.string().nullable(),
});
export type PluginBacklog = z.output<typeof ZPluginBacklogSchema>;

export const EMPTY_PLUGIN_BACKLOG: PluginBacklog = {
  queued: 0,
  running: 0,
  retrying: 0,
  dead: 0,
  oldest_waiting_at: null,
};
