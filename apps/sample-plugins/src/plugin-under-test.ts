import { SEED_PLUGINS } from '@registry/db/seed';
import { listen, type Plugin, registrationPayload } from '@registry/plugin-sdk';
import { postSignedWebhook } from '@registry/testing/signed-webhook';

const SECRET = 'whsec_c2FtcGxlIHBsdWdpbnMgdGVzdCBzaWduaW5nIHNlY3JldA==';
const OTHER_SECRET = 'whsec_YW5vdGhlciBwbHVnaW4ncyBzaWduaW5nIHNlY3JldCE=';

interface PostOptions {
  id?: string;
  secret?: string;
  /** Sent as a dry run (`webhook-dry-run: true`). */
  dryRun?: boolean;
}

/** For the plugins' tests: a plugin served on loopback with a secret, called as dispatch calls it. */
export async function servePluginUnderTest(plugin: Plugin) {
  const running = await listen(plugin, { signingSecrets: [SECRET] });
  return {
    close: running.close,
    async post(path: string, payload: unknown, { id, secret = SECRET, dryRun }: PostOptions = {}) {
      const response = await postSignedWebhook(`${running.url}${path}`, payload, {
        secret,
        id,
        headers: {
          'x-flow-execution-id': 'flow-test',
          ...(dryRun ? { 'webhook-dry-run': 'true' } : {}),
        },
      });
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    },
    async get(path: string) {
      return (await (await fetch(`${running.url}${path}`)).json()) as Record<string, unknown>;
    },
  };
}

export const WRONG_SECRET = { secret: OTHER_SECRET };

/** The plugin's registration beside the seed's: the same actions, fields and endpoints. */
export function registrationBesideSeed(plugin: Plugin) {
  const seed = SEED_PLUGINS.find((candidate) => candidate.slug === plugin.slug);
  const pick = (action: Record<string, unknown>) => ({
    action_type: action.action_type,
    title: action.title,
    description: action.description,
    category: action.category,
    required_fields: action.required_fields,
    optional_fields: action.optional_fields,
    endpoint: action.endpoint,
  });
  return {
    registered: registrationPayload(plugin).actions.map(pick),
    seeded: (seed?.actions ?? []).map(pick),
  };
}
