import { zodResolver } from '@hookform/resolvers/zod';
import {
  type Plugin,
  type RegistrationBreakingPolicy,
  ZCreatePluginRequestSchema,
  ZPatchPluginFieldsSchema,
} from '@registry/contracts';
import type { Resolver } from 'react-hook-form';
import { z } from 'zod';

/** What the plugin form holds: text, as typed; events one per line or comma-separated. */
export interface PluginFormValues {
  name: string;
  slug: string;
  api_endpoint: string;
  webhook_url: string;
  events: string;
  config: string;
  /** A RegistrationBreakingPolicy, or '' for the server's. */
  breaking_policy: string;
}

export const PLUGIN_FORM_FIELDS = [
  'name',
  'slug',
  'api_endpoint',
  'webhook_url',
  'events',
  'config',
  'breaking_policy',
] as const satisfies readonly (keyof PluginFormValues)[];

export const EMPTY_PLUGIN_FORM: PluginFormValues = {
  name: '',
  slug: '',
  api_endpoint: '',
  webhook_url: '',
  events: '',
  config: '{}',
  breaking_policy: '',
};

/** The form as an existing plugin fills it. */
export function pluginFormValues(plugin: Plugin): PluginFormValues {
  return {
    name: plugin.name,
    slug: plugin.slug,
    api_endpoint: plugin.api_endpoint ?? '',
    webhook_url: plugin.webhook_url ?? '',
    events: plugin.events.join('\n'),
    config: JSON.stringify(plugin.config, null, 2),
    breaking_policy: plugin.breaking_policy ?? '',
  };
}

const ZFormTextSchema = z.object({
  name: z.string(),
  slug: z.string(),
  api_endpoint: z.string(),
  webhook_url: z.string(),
  events: z.string(),
  config: z.string(),
  breaking_policy: z.string(),
});

/**
 * The typed text as the API's fields: blank URLs are none, config is parsed JSON (`{}` when it
 * does not parse: the resolver below reports that, so the contract still checks the rest).
 */
function toRequestFields(form: PluginFormValues) {
  return {
    name: form.name,
    api_endpoint: form.api_endpoint.trim() || null,
    webhook_url: form.webhook_url.trim() || null,
    events: form.events
      .split(/[\n,]/)
      .map((event) => event.trim())
      .filter(Boolean),
    config: parseConfig(form.config) ?? {},
    // The contract names a value it does not know; '' is the server's rule.
    breaking_policy: (form.breaking_policy || null) as RegistrationBreakingPolicy | null,
  };
}

/** Adding a plugin: the form piped into the create request's own schema. */
export const ZAddPluginFormSchema = ZFormTextSchema.transform(
  (form): z.input<typeof ZCreatePluginRequestSchema> => ({
    ...toRequestFields(form),
    slug: form.slug.trim(),
  }),
).pipe(ZCreatePluginRequestSchema);

/** Editing one: the same form (slug fixed) piped into the PATCH fields' schema. */
export const ZEditPluginFormSchema = ZFormTextSchema.transform(
  (form): z.input<typeof ZPatchPluginFieldsSchema> => toRequestFields(form),
).pipe(ZPatchPluginFieldsSchema);

/**
 * The contract's resolver, plus the one check it cannot make: config that is not JSON. (A zod
 * issue raised in the transform would stop the pipe, hiding every other field's error.)
 */
export function pluginFormResolver<Output>(
  schema: z.ZodType<Output, PluginFormValues>,
): Resolver<PluginFormValues, unknown, Output> {
  const contract = zodResolver(schema) as Resolver<PluginFormValues, unknown, Output>;
  return async (values, context, options) => {
    const result = await contract(values, context, options);
    if (parseConfig(values.config) !== undefined) return result;
    return {
      values: {},
      errors: { ...result.errors, config: { type: 'custom', message: 'is not valid JSON' } },
    };
  };
}

/** The config text as an object; undefined when it is not JSON. */
function parseConfig(text: string): Record<string, unknown> | undefined {
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}
