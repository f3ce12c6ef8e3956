import { listen } from '@registry/plugin-sdk';
import { plugin } from './plugin.ts';

const { PORT, PLUGIN_SIGNING_SECRET, PLUGIN_API_KEY, REGISTRY_URL } = process.env;
if (!PLUGIN_SIGNING_SECRET || !PLUGIN_API_KEY) {
  throw new Error(
    'Set PLUGIN_SIGNING_SECRET and PLUGIN_API_KEY (shown when the plugin was created)',
  );
}

// Listens, registers the actions with the plugin's key, then asks the registry to verify this
// endpoint: it POSTs a signed challenge that the SDK answers.
const running = await listen(plugin, {
  port: Number(PORT ?? 5190),
  signingSecrets: [PLUGIN_SIGNING_SECRET],
  registry: { url: REGISTRY_URL ?? 'http://localhost:5173', apiKey: PLUGIN_API_KEY },
});
console.log(`${plugin.slug} listening on ${running.url}`);
console.log(running.connection?.registration.message);
console.log(running.connection?.verification.message);
