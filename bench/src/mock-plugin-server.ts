/**
 * The benchmark's plugin: answers every POST at once with a small JSON body, except on the
 * "hanging" ports, which never answer. Runs in its own process so that it does not share an
 * event loop with the load generator. Ports arrive as argv: `<fast ports...> -- <hang ports...>`.
 */
import { createServer } from 'node:http';

const RESPONSE = JSON.stringify({ success: true, message_id: 'bench' });
const args = process.argv.slice(2);
const split = args.indexOf('--');
const fast = (split < 0 ? args : args.slice(0, split)).map(Number);
const hanging = (split < 0 ? [] : args.slice(split + 1)).map(Number);

function listen(port: number, hang: boolean): Promise<void> {
  const server = createServer((request, response) => {
    request.resume();
    if (hang) return; // Never answers; the registry's deadline has to end the call.
    request.on('end', () => {
      response.writeHead(200, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(RESPONSE),
      });
      response.end(RESPONSE);
    });
  });
  server.keepAliveTimeout = 30_000;
  return new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
}

await Promise.all([...fast.map((p) => listen(p, false)), ...hanging.map((p) => listen(p, true))]);
process.send?.('ready');
