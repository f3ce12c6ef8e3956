import { z } from 'zod';
import { CIRCUIT_STATES } from './plugin-circuit';

/**
 * Upper bounds (ms) of the latency buckets the registry counts calls in; a call slower than the
 * last bound counts in one more bucket past it. `p95_ms` is the bound of the bucket holding the
 * 95th-percentile call, so it is exact to the bucket (e.g. 250 means "between 100 and 250 ms").
 */
export const HEALTH_LATENCY_BOUNDS_MS = [
  10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000, 60_000,
] as const;

/** `?healthy=true` keeps actions at least this successful (or never called) with a closed circuit. */
export const HEALTHY_SUCCESS_RATE = 0.95;

/** How `?sort=` orders the catalog: best first, actions without calls after, in catalog order. */
export const HEALTH_SORTS = ['success_rate', 'p95'] as const;
export const ZHealthSortSchema = z.enum(HEALTH_SORTS);
export type HealthSort = z.output<typeof ZHealthSortSchema>;

/** How an action's calls went over the last 24 hours, from the registry's hourly rollups. */
export const ZActionHealthSchema = z
  .object({
    window: z.literal('24h'),
    calls: z.number().int().meta({
      description:
        'Executions settled (succeeded, failed or dead) in the window; dry runs and refused events do not count.',
    }),
    success_rate: z.number().nullable().meta({
      description: 'Succeeded calls / calls, from 0 to 1; null without calls.',
    }),
    p95_ms: z
      .number()
      .nullable()
      .meta({
        description: `Upper bound of the latency bucket holding the 95th-percentile call (bounds: ${HEALTH_LATENCY_BOUNDS_MS.join(', ')} ms); null without calls.`,
      }),
    last_error_code: z.string().nullable(),
    last_error_at: z.string().nullable(),
    circuit: z.enum(CIRCUIT_STATES).meta({
      description: "The plugin's circuit breaker now; always `closed` for platform actions.",
    }),
  })
  .meta({ description: 'How the action did over the last 24 hours.' });
export type ActionHealth = z.output<typeof ZActionHealthSchema>;
