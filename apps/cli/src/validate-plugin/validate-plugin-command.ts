import { formatReport } from './print-report';
import { validatePlugin } from './validate-plugin';

export interface ValidatePluginCommandOptions {
  url: string;
  slug: string;
  secret?: string;
  timeoutMs: number;
  json: boolean;
}

/** `pnpm registry validate-plugin <slug>`: prints the report; the exit code says whether it passed. */
export async function runValidatePlugin(options: ValidatePluginCommandOptions): Promise<number> {
  const secrets = (options.secret ?? process.env.PLUGIN_SIGNING_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean);
  const report = await validatePlugin({
    registryUrl: options.url,
    token: process.env.REGISTRY_TOKEN,
    slug: options.slug,
    signingSecrets: secrets,
    timeoutMs: options.timeoutMs,
    allowedAddresses: process.env.PLUGIN_ALLOWED_ADDRESSES,
  });
  console.log(
    options.json
      ? JSON.stringify(report, null, 2)
      : formatReport(report, secrets.length > 0 ? 'your secret' : 'registry'),
  );
  return report.ok ? 0 : 1;
}
