/**
 * `node --import tsx server/main.ts [--dev] --port <n> --hostname <host>`: serves the app until
 * SIGTERM or SIGINT. The start command runs it; see web-server.ts for why it is our own server.
 */
import { parseArgs } from 'node:util';
import { startWebServer } from './web-server';

const { values } = parseArgs({
  options: {
    dev: { type: 'boolean', default: false },
    port: { type: 'string', default: '5173' },
    hostname: { type: 'string', default: '127.0.0.1' },
  },
});
const worker = process.env.REGISTRY_WORKER !== 'off';
const server = await startWebServer({
  dev: values.dev,
  host: values.hostname,
  port: Number(values.port),
  worker,
});
console.log(
  `Web server listening on ${server.boundAddress}:${values.port}` +
    (worker ? ', with a delivery worker' : ' (REGISTRY_WORKER=off: no worker in this process)'),
);

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
