import { startEmailPlugin } from './email-plugin';

/**
 * Runs the email plugin on its own. PLUGIN_SIGNING_SECRET (or PLUGIN_SIGNING_SECRETS, as the
 * guide and the validator name it too): its secret(s), comma-separated;
 * REGISTRY_URL and PLUGIN_API_KEY: register its actions there and prove its endpoint.
 */
const env = process.env;
const plugin = await startEmailPlugin({
  host: env.HOST ?? '127.0.0.1',
  port: Number(env.PORT ?? 5180),
  signingSecrets: (env.PLUGIN_SIGNING_SECRET ?? env.PLUGIN_SIGNING_SECRETS ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter(Boolean),
  registry:
    env.REGISTRY_URL && env.PLUGIN_API_KEY
      ? { url: env.REGISTRY_URL, apiKey: env.PLUGIN_API_KEY }
      : undefined,
});
console.log(`Email plugin listening on ${plugin.url} (outbox: ${plugin.url}/)`);
if (plugin.connection) {
  console.log(`Registered: ${plugin.connection.registration.message}`);
  console.log(`Endpoint: ${plugin.connection.verification.message}`);
  if (plugin.connection.warning) console.warn(plugin.connection.warning);
}
