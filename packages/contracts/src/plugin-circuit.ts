import { z } from 'zod';

export const CIRCUIT_STATES = ['closed', 'open', 'half_open'] as const;

/**
 * A plugin's circuit breaker, shared by every process through the database: `open` holds the
 * plugin's events back (CIRCUIT_OPEN, delivered later) until `half_open_at`; then one trial
 * event decides.
 */
export const ZPluginCircuitSchema = z.object({
  state: z.enum(CIRCUIT_STATES),
  consecutive_failures: z.number().int(),
  opened_at: z.string().nullable(),
  half_open_at: z.string().nullable(),
});
export type PluginCircuit = z.output<typeof ZPluginCircuitSchema>;
