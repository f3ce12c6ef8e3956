import { z } from 'zod';
import { storableString } from './json-value';

/** Token prefixes say what a secret is, in logs and leak scanners alike. */
export const ADMIN_TOKEN_PREFIX = 'par_admin_';
export const PLUGIN_KEY_PREFIX = 'par_plugin_';

export const ZCreateAdminTokenRequestSchema = z.strictObject({
  name: storableString()
    .trim()
    .min(1, 'must not be empty')
    .max(100, 'must be at most 100 characters'),
});

export const ZAdminTokenSchema = z.object({
  id: z.guid(),
  name: z.string(),
  /** The token's first characters, to tell tokens apart; never the whole token. */
  prefix: z.string(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
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
