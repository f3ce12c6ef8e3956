import { z } from 'zod';
import { ZPluginKeySchema } from './credentials';
import { ZDiscoverActionsResponseSchema } from './discovery';
import { ZCreatedPluginSchema, ZPluginSchema, ZVerifyEndpointResponseSchema } from './plugin';

/**
 * The REST answers that wrap a contract in the seed's envelope (`success`, `message`); the
 * OpenAPI document describes the REST routes with these.
 */

/** `GET /api/plugins/actions`: `next_cursor` only when `limit` was given (the seed had none). */
export const ZRestDiscoverActionsResponseSchema = ZDiscoverActionsResponseSchema.extend({
  next_cursor: ZDiscoverActionsResponseSchema.shape.next_cursor.optional(),
});

export const ZRestPluginResponseSchema = z.object({ plugin: ZPluginSchema });

export const ZRestPluginCreatedResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  plugin: ZCreatedPluginSchema,
});

export const ZRestPluginUpdatedResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
  plugin: ZPluginSchema,
});

export const ZRestPluginDeletedResponseSchema = z.object({
  success: z.literal(true),
  message: z.string(),
});

export const ZRestRotatePluginKeyResponseSchema = ZPluginKeySchema.extend({
  success: z.literal(true),
});

/** `POST /api/plugins/{slug}/verify`: `success` is whether the endpoint answered rightly. */
export const ZRestVerifyEndpointResponseSchema = ZVerifyEndpointResponseSchema.extend({
  success: z.boolean(),
});

/** `GET /api/session`: who the browser (or the caller) is. */
export const ZSessionStateSchema = z.object({
  signed_in: z.boolean(),
  principal: z
    .object({
      kind: z.enum(['admin', 'plugin']),
      tenant_id: z.string(),
      /** How an administrator authenticated: a bearer token, the session cookie, local mode. */
      via: z.enum(['token', 'session', 'local']).optional(),
    })
    .nullable(),
});

export const ZSignInResponseSchema = z.object({
  signed_in: z.literal(true),
  tenant_id: z.string(),
  /** When the session ends: 12 hours after signing in, or the token's own expiry if sooner. */
  expires_at: z.string(),
});

export const ZSignOutResponseSchema = z.object({ signed_in: z.literal(false) });
