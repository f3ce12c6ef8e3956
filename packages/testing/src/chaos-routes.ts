import type { ServerResponse } from 'node:http';
import { type PluginRoute, respondJson, sendJson } from './plugin-server';

/**
 * Routes of a plugin that misbehaves in every way the dispatcher must survive, for a server
 * from `startPluginServer`. Routes that fail only at first count calls per `webhook-id`, i.e.
 * per event. `slowMs` is how long "slow headers" wait, and how long the dripping body takes
 * in all: make it longer than the attempt timeout.
 */
export function chaosRoutes(options: { slowMs: number; redirectTo: string }) {
  const seen = new Map<string, number>();
  const nthCall = (headers: Record<string, unknown>) => {
    const id = String(headers['webhook-id']);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n;
  };
  const routes: Record<string, PluginRoute> = {
    '/ok': (call, response) => sendJson(response, 200, { ok: true, received: call.body }),
    '/hang': () => {},
    '/slow-headers': (_call, response) => {
      const timer = setTimeout(() => sendJson(response, 200, { late: true }), options.slowMs);
      response.on('close', () => clearTimeout(timer));
    },
    '/drip': (_call, response) => dripJson(response, options.slowMs),
    '/500': respondJson(500, { error: 'crashed' }),
    '/503-then-ok': (call, response) =>
      nthCall(call.headers) === 1
        ? sendJson(response, 503, { error: 'warming up' })
        : sendJson(response, 200, { ok: true }),
    '/429-retry-after-1s': (call, response) => {
      if (nthCall(call.headers) > 1) return sendJson(response, 200, { ok: true });
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' });
      response.end('{"error":"slow down"}');
    },
    '/429-retry-after-2m': (_call, response) => {
      response.writeHead(429, { 'content-type': 'application/json', 'retry-after': '120' });
      response.end('{"error":"come back later"}');
    },
    '/410': respondJson(410, { error: 'gone for good' }),
    '/redirect': (_call, response) => {
      response.writeHead(302, { location: `${options.redirectTo}/steal` });
      response.end();
    },
    '/reset-mid-body': (_call, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
      response.write('{"partial": "');
      setTimeout(() => response.socket?.destroy(), 20);
    },
    '/invalid-json': (_call, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('<html>Internal proxy page</html>');
    },
    '/5mib': (_call, response) => writeMegabytes(response, 5),
  };
  return routes;
}

/** How often the dripping body sends its next byte: many times within any attempt's deadline. */
const DRIP_EVERY_MS = 50;

/**
 * A valid JSON body sent a byte every DRIP_EVERY_MS, ending after `totalMs`: bytes keep coming,
 * so only a deadline on the whole call (not one on the wait between bytes) stops it in time.
 */
function dripJson(response: ServerResponse, totalMs: number) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"drip":"');
  let left = Math.ceil(totalMs / DRIP_EVERY_MS);
  const timer = setInterval(() => {
    left--;
    if (left > 0) return void response.write('x');
    clearInterval(timer);
    response.end('"}');
  }, DRIP_EVERY_MS);
  response.on('close', () => clearInterval(timer));
}

/** Streams `mib` MiB of JSON without a content-length, stopping if the client hangs up. */
function writeMegabytes(response: ServerResponse, mib: number) {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.on('error', () => {});
  const chunk = 'x'.repeat(64 * 1024);
  let left = mib * 16;
  response.write('{"pad":"');
  const pump = () => {
    while (left > 0 && !response.destroyed) {
      left--;
      if (!response.write(chunk)) return void response.once('drain', pump);
    }
    if (!response.destroyed) response.end('"}');
  };
  pump();
}
