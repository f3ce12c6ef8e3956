import { z } from 'zod';

/** How far back a plugin's health looks: the last day of its events. */
export const PLUGIN_HEALTH_WINDOW_HOURS = 24;

/**
 * A plugin's recent outcomes: its events of the last `window_hours` that are over, and the most
 * recent one that failed. `success_rate` (0–1) is null when none is over yet; `failed` counts
 * `failed` and `dead` events, so a plugin whose server died shows its failures here while its
 * status still says `active`.
 */
export const ZPluginHealthSchema = z.object({
  window_hours: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  success_rate: z.number().min(0).max(1).nullable(),
  last_failure: z
    .object({
      execution_id: z.string(),
      at: z.string(),
      error: z.string().nullable(),
    })
    .nullable(),
});
export type PluginHealth = z.output<typeof ZPluginHealthSchema>;

export const EMPTY_PLUGIN_HEALTH: PluginHealth = {
  window_hours: PLUGIN_HEALTH_WINDOW_HOURS,
  succeeded: 0,
  failed: 0,
  success_rate: null,
  last_failure: null,
};
