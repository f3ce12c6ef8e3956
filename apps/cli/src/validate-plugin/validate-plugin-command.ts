import { formatPreview } from '../registry-diff/format-preview';
import { formatReport } from './print-report';
import { previewServedRegistration, type ServedRegistration } from './served-registration';
import { validatePlugin } from './validate-plugin';

export interface ValidatePluginCommandOptions {
  url: string;
  slug: string;
  secret?: string;
  timeoutMs: number;
  json: boolean;
}

/**
 * `pnpm registry validate-plugin <slug>`: prints the report and, for a plugin already
 * registered, what the registration its server publishes would change and break. The exit code
 * says whether every check passed and that registration would be accepted.
 */
export async function runValidatePlugin(options: ValidatePluginCommandOptions): Promise<number> {
  const secrets = (options.secret ?? process.env.PLUGIN_SIGNING_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  const token = process.env.REGISTRY_TOKEN;
  const report = await validatePlugin({
    registryUrl: options.url,
    token,
    slug: options.slug,
    signingSecrets: secrets,
    timeoutMs: options.timeoutMs,
    allowedAddresses: process.env.PLUGIN_ALLOWED_ADDRESSES,
  });
  const served =
    report.api_endpoint && report.actions.length > 0
      ? await previewServedRegistration({
          registryUrl: options.url,
          token,
          slug: options.slug,
          apiEndpoint: report.api_endpoint,
          timeoutMs: options.timeoutMs,
        })
      : undefined;
  const preview = served && 'preview' in served ? served.preview : undefined;
  console.log(
    options.json
      ? JSON.stringify({ ...report, registration_preview: preview ?? null }, null, 2)
      : [
          formatReport(report, secrets.length > 0 ? 'your secret' : 'registry'),
          ...(served ? [formatServed(served)] : []),
        ].join('\n\n'),
  );
  return report.ok && preview?.would_accept !== false ? 0 : 1;
}

function formatServed(served: ServedRegistration): string {
  if ('unknown' in served) {
    return `What the plugin would register next is unknown: ${served.unknown}`;
  }
  return `What the plugin serves at ${served.document} would register:\n${formatPreview(served.preview)}`;
}
