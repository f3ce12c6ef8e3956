import { z } from 'zod';
import { storableString } from './json-value';

/** Token prefixes say what a secret is, in logs and leak scanners alike. */
export const ADMIN_TOKEN_PREFIX = 'par_admin_';
export const PLUGIN_KEY_PREFIX = 'par_plugin_';

const LIFETIME_UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const MAX_TOKEN_LIFETIME_DAYS = 3650;

/**
 * How long a new token lasts, as people write it: `90m`, `12h`, `30d` (at most ten years);
 * parsed to milliseconds.
 */
export const ZTokenLifetimeSchema = z
  .string()
  .regex(/^[1-9]\d{0,6}[mhd]$/, 'must be a number of minutes, hours or days, e.g. 90m, 12h, 30d')
  .transform((text) => Number(text.slice(0, -1)) * LIFETIME_UNIT_MS[text.at(-1) as 'm' | 'h' | 'd'])
  .refine(
    (ms) => ms <= MAX_TOKEN_LIFETIME_DAYS * LIFETIME_UNIT_MS.d,
    `must be at most ${MAX_TOKEN_LIFETIME_DAYS}d`,
  );

export const ZCreateAdminTokenRequestSchema = z.strictObject({
  name: storableString()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters'),
  /** Absent: the token never expires (until revoked). */
  expires_in: ZTokenLifetimeSchema.optional(),
});

export const ZAdminTokenSchema = z.object({
  id: z.guid(),
  name: z.string(),
  /** The token's first characters, to tell tokens apart; never the whole token. */
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
  /** Null: never. Past it the token is refused, as a revoked one is. */
  expires_at: z.string().nullable(),
});
export type AdminToken = z.output<typeof ZAdminTokenSchema>;

/** A new token: the only time its secret is shown. */
export const ZCreatedAdminTokenSchema = ZAdminTokenSchema.extend({ token: z.string() });
export type CreatedAdminToken = z.output<typeof ZCreatedAdminTokenSchema>;

export const ZSignInRequestSchema = z.strictObject({
  token: z.string().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});

/** A plugin's new API key: the only time it is shown. */
export const ZPluginKeySchema = z.object({
  plugin_slug: z.string(),
  api_key: z.string(),
});
