import { startSamplePlugin } from './sample-plugin-server';

/** Signing secrets by plugin slug, e.g. `{"email-automation":"whsec_..."}`. */
const secrets = JSON.parse(process.env.SAMPLE_PLUGIN_SECRETS ?? '{}') as Record<string, string>;

const plugin = await startSamplePlugin({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 5180),
  secretsFor: (slug) => (secrets[slug] ? [secrets[slug]] : undefined),
});
console.log(`Sample plugin listening on ${plugin.url}`);
