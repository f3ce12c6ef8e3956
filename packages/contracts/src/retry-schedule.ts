import { z } from 'zod';

/** Svix's schedule: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h after each failure. */
export const DEFAULT_RETRY_SCHEDULE = '0s,5s,5m,30m,2h,5h,10h,10h';

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_ATTEMPTS = 20;
const MAX_DELAY_MS = UNIT_MS.d;

/** A duration like `0s`, `500ms`, `5m`, `2h` or `5d`, in milliseconds; undefined when unreadable. */
export function parseDuration(text: string): number | undefined {
  const match = /^(\d{1,9})(ms|s|m|h|d)$/.exec(text.trim());
  return match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : undefined;
}

/**
 * A retry schedule (`0s,5s,5m,30m`): the delay before each attempt after the previous one
 * failed, the first attempt's included. Its length is the number of attempts an event gets.
 * Returns the delays in milliseconds, or a message saying what is wrong.
 */
export function parseRetrySchedule(text: string): number[] | string {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.length > MAX_ATTEMPTS) return `must list at most ${MAX_ATTEMPTS} attempts`;
  const delays: number[] = [];
  for (const part of parts) {
    const delay = /\s/.test(part) ? undefined : parseDuration(part);
    if (delay === undefined) return `"${part}" is not a delay like 0s, 500ms, 5m, 2h or 1d`;
    if (delay > MAX_DELAY_MS) return `"${part}" is longer than a day`;
    delays.push(delay);
  }
  return delays;
}

export const ZRetryScheduleSchema = z
  .string()
  .max(400, 'must be at most 400 characters')
  .superRefine((text, context) => {
    const parsed = parseRetrySchedule(text);
    if (typeof parsed === 'string') context.addIssue({ code: 'custom', message: parsed });
  })
  .meta({
    description:
      'Delays before each attempt, e.g. `0s,5s,5m,30m,2h` (PLUGIN_RETRY_SCHEDULE when absent).',
  });

/** How the queue delivers to one plugin; each setting absent falls back to the server's. */
export const ZPluginDeliverySchema = z.strictObject({
  retry_schedule: ZRetryScheduleSchema.optional(),
  max_in_flight: z
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .optional()
    .meta({ description: 'Deliveries in flight at once, across every worker.' }),
  max_per_second: z
    .number()
    .int('must be an integer')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000')
    .optional()
    .meta({
      description: 'Deliveries started per second, across every worker; unlimited when absent.',
    }),
});
export type PluginDelivery = z.output<typeof ZPluginDeliverySchema>;
