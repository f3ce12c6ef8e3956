import { z } from 'zod';
import { ZActionDefinitionFieldsSchema } from './action-definition';
import { storableJsonObject, storableString } from './json-value';
import { ZPluginBacklogSchema } from './plugin-backlog';
import { ZPluginCircuitSchema } from './plugin-circuit';
import { ZPluginHealthSchema } from './plugin-health';
import { optionalQueryParam } from './query-params';
import { ZRegistrationBreakingPolicySchema } from './registration-history';
import { ZPluginDeliverySchema } from './retry-schedule';

/** Slugs that name REST routes under /api/plugins or the platform pseudo-plugin. */
export const RESERVED_PLUGIN_SLUGS = ['actions', 'events', 'platform'] as const;

export const ZPluginSlugSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(
    /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/,
    'must contain only lowercase letters, digits and "-", and start and end with a letter or digit',
  )
  .refine((slug) => !(RESERVED_PLUGIN_SLUGS as readonly string[]).includes(slug), {
    message: `is reserved (${RESERVED_PLUGIN_SLUGS.join(', ')})`,
  });

export const PLUGIN_STATUSES = ['active', 'inactive'] as const;
export const ZPluginStatusSchema = z.enum(PLUGIN_STATUSES);
export type PluginStatus = z.infer<typeof ZPluginStatusSchema>;

/** An absolute http(s) URL without credentials: where the registry sends a plugin's calls. */
export const ZPluginUrlSchema = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    const url = URL.parse(value);
    return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
  }, 'must be an absolute http(s) URL')
  .refine((value) => {
    const url = URL.parse(value);
    return !url || (url.username === '' && url.password === '');
  }, 'must not contain credentials')
  // Action paths are appended to this URL. A bare `?` or `#` leaves `search` and `hash` empty,
  // yet would turn the appended path into a query or fragment: reject the characters themselves.
  .refine((value) => !/[?#]/.test(value), 'must not contain a query string or fragment');

const ZJsonObjectSchema = storableJsonObject();

export const ZCreatePluginRequestSchema = z.strictObject({
  name: storableString()
    .trim()
    .min(1, 'must not be empty')
    .max(200, 'must be at most 200 characters'),
  slug: ZPluginSlugSchema,
  status: ZPluginStatusSchema.default('active'),
  api_endpoint: ZPluginUrlSchema.nullable().default(null),
  webhook_url: ZPluginUrlSchema.nullable().default(null),
  events: z.array(storableString().min(1).max(200)).max(200).default([]),
  config: ZJsonObjectSchema.default({}),
  metadata: ZJsonObjectSchema.default({}),
  delivery: ZPluginDeliverySchema.default({}),
  /** This plugin's REGISTRATION_BREAKING_POLICY; null: the server's. */
  breaking_policy: ZRegistrationBreakingPolicySchema.nullable().default(null),
});
export type CreatePluginRequest = z.output<typeof ZCreatePluginRequestSchema>;

/** Fields a PATCH may change; PUT sends the same fields and resets omitted ones to defaults. */
export const ZUpdatePluginFieldsSchema = ZCreatePluginRequestSchema.omit({ slug: true });
export const ZPatchPluginFieldsSchema = z.strictObject({
  name: ZCreatePluginRequestSchema.shape.name.optional(),
  status: ZPluginStatusSchema.optional(),
  api_endpoint: ZPluginUrlSchema.nullable().optional(),
  webhook_url: ZPluginUrlSchema.nullable().optional(),
  events: ZCreatePluginRequestSchema.shape.events.unwrap().optional(),
  config: ZJsonObjectSchema.optional(),
  metadata: ZJsonObjectSchema.optional(),
  delivery: ZPluginDeliverySchema.optional(),
  breaking_policy: ZRegistrationBreakingPolicySchema.nullable().optional(),
});
export type UpdatePluginFields = z.output<typeof ZUpdatePluginFieldsSchema>;
export type PatchPluginFields = z.output<typeof ZPatchPluginFieldsSchema>;

/**
 * Stored statuses: what callers set (`active`, `inactive`), `pending_verification` for a
 * plugin that asked to be active before its api_endpoint answered the ownership challenge, and
 * `disabled` for one the registry turned off because every delivery failed for days (its
 * `status_reason` says so; its queued events wait).
 */
export const PENDING_VERIFICATION = 'pending_verification';
export const DISABLED = 'disabled';

/** The ownership check of the plugin's current api_endpoint; null without an endpoint. */
export const ZEndpointVerificationSchema = z.object({
  verified: z.boolean(),
  verified_at: z.string().nullable(),
  checked_at: z.string().nullable(),
  error: z.string().nullable(),
});
export type EndpointVerification = z.output<typeof ZEndpointVerificationSchema>;

export const ZPluginSchema = z.object({
  id: z.guid(),
  name: z.string(),
  slug: z.string(),
  status: z.string(),
  /** Why the registry set the status (e.g. disabled after failing), null otherwise. */
  status_reason: z.string().nullable(),
  endpoint_verification: ZEndpointVerificationSchema.nullable(),
  api_endpoint: z.string().nullable(),
  webhook_url: z.string().nullable(),
  events: z.array(z.string()),
  config: ZJsonObjectSchema,
  metadata: ZJsonObjectSchema,
  delivery: ZPluginDeliverySchema,
  /** Which breaking registrations it refuses; null: the server's REGISTRATION_BREAKING_POLICY. */
  breaking_policy: ZRegistrationBreakingPolicySchema.nullable(),
  registered_actions: z.object({ actions: z.array(ZActionDefinitionFieldsSchema) }),
  actions_count: z.number().int(),
  registered_at: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  /** The plugin's circuit breaker, shared by every process, once it has been called. */
  circuit: ZPluginCircuitSchema.optional(),
  /** The plugin's events waiting, in delivery or dead, counted when the plugin is read. */
  backlog: ZPluginBacklogSchema,
  /** Its outcomes of the last day and its latest failure, read with the plugin. */
  health: ZPluginHealthSchema,
});
export type Plugin = z.output<typeof ZPluginSchema>;

/**
 * A plugin just created: with its API key (stored only hashed) and its signing secret, both
 * shown this once.
 */
export const ZCreatedPluginSchema = ZPluginSchema.extend({
  api_key: z.string(),
  signing_secret: z.string(),
});
export type CreatedPlugin = z.output<typeof ZCreatedPluginSchema>;

/** A new signing secret, shown once; the previous one still signs until its grace period ends. */
export const ZRotateSigningSecretResponseSchema = z.object({
  success: z.literal(true),
  plugin_slug: z.string(),
  signing_secret: z.string(),
  previous_secret_valid_until: z.string().nullable(),
});
export type RotateSigningSecretResponse = z.output<typeof ZRotateSigningSecretResponseSchema>;

/** The answer of `POST /api/plugins/{slug}/verify` (tRPC `plugins.verify`). */
export const ZVerifyEndpointResponseSchema = z.object({
  plugin_slug: z.string(),
  api_endpoint: z.string().nullable(),
  verified: z.boolean(),
  status: z.string(),
  message: z.string(),
});
export type VerifyEndpointResponse = z.output<typeof ZVerifyEndpointResponseSchema>;

const PAGE_SIZE_DESCRIPTION = 'Page size, 100 when absent.';
export const ZListPluginsQuerySchema = z.object({
  status: optionalQueryParam(
    z.enum([...PLUGIN_STATUSES, PENDING_VERIFICATION, DISABLED]),
    'Only plugins with this status; `pending_verification`: waiting for their endpoint to prove ownership; `disabled`: turned off after failing for days.',
  ),
  search: optionalQueryParam(
    storableString().trim().max(64),
    'Only plugins whose name or slug contains this text (case-insensitive).',
  ),
  // The default sits outside the blank-tolerant parameter, so the description goes on both.
  limit: optionalQueryParam(z.coerce.number().int().min(1).max(500), PAGE_SIZE_DESCRIPTION)
    .transform((n) => n ?? 100)
    .meta({ description: PAGE_SIZE_DESCRIPTION }),
  cursor: optionalQueryParam(storableString().max(64), 'The `next_cursor` of the previous page.'),
});
export type ListPluginsQuery = z.output<typeof ZListPluginsQuerySchema>;

export const ZPluginListSchema = z.object({
  plugins: z.array(ZPluginSchema),
  next_cursor: z.string().nullable(),
});
export type PluginList = z.output<typeof ZPluginListSchema>;

export const ZConnectivityResultSchema = z.object({
  success: z.boolean(),
  plugin_slug: z.string(),
  url: z.string().nullable(),
  status: z.number().int().nullable(),
  latency_ms: z.number().nullable(),
  message: z.string(),
});
export type ConnectivityResult = z.output<typeof ZConnectivityResultSchema>;
