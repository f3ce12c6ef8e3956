/**
 * Reference server 1, the floor without durability: parse the automation body, make one undici
 * call to the plugin, answer. No caching, no batching, no auth: what any proxy must do at least.
 * Argv: `<port> <plugin url>`. Runs in its own process, like the registry.
 */
import { createServer } from 'node:http';
import { callPlugin, readEvent, reply } from './reference-http';

const [port, pluginUrl] = process.argv.slice(2);

createServer(async (request, response) => {
  const event = await readEvent(request);
  const result = await callPlugin(`${pluginUrl}/actions/${event.action_type}`, event.payload);
  reply(response, { success: true, results: [result] });
}).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
