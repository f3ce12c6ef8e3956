/**
 * The benchmark's plugin: answers every POST at once with a small JSON body, except on the
 * "hanging" ports, which never answer. Runs in its own process so that it does not share an
 * event loop with the load generator. Ports arrive as argv: `<fast ports...> -- <hang ports...>`.
 * It counts the requests it receives and, while asked to, notes when each `webhook-id` first
 * arrived (on the monotonic clock every process of this machine shares): the parent asks over
 * IPC (see mock-plugin.ts).
 */
import { createServer } from 'node:http';
import type { MockPluginAnswer, MockPluginQuestion } from './mock-plugin';

const RESPONSE = JSON.stringify({ success: true, message_id: 'bench' });
const args = process.argv.slice(2);
const split = args.indexOf('--');
const fast = (split < 0 ? args : args.slice(0, split)).map(Number);
const hanging = (split < 0 ? [] : args.slice(split + 1)).map(Number);
let received = 0;
let arrivals: Map<string, number> | undefined;

function listen(port: number, hang: boolean): Promise<void> {
  const server = createServer((request, response) => {
    received++;
    const webhookId = request.headers['webhook-id'];
    if (arrivals && typeof webhookId === 'string' && !arrivals.has(webhookId))
      arrivals.set(webhookId, Number(process.hrtime.bigint()) / 1e6);
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

process.on('message', (question: MockPluginQuestion) => {
  if (question.ask === 'record') arrivals = new Map();
  const answer: MockPluginAnswer = { id: question.id, received };
  if (question.ask === 'arrivals') {
    answer.arrivals = [...(arrivals ?? [])];
    arrivals = undefined;
  }
  process.send?.(answer);
});

await Promise.all([...fast.map((p) => listen(p, false)), ...hanging.map((p) => listen(p, true))]);
process.send?.('ready');
