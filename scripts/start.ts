/**
 * Starts the whole product: PostgreSQL (embedded unless DATABASE_URL is set), migrations, seed
 * data, the seed plugins' sample server and the Next.js app; once the app serves, each seed
 * plugin registers its actions and proves its endpoint, and the command prints `Ready`. `--dev`
 * runs `next dev` instead of the production build.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  accessSettingsFrom,
  describeLocalAccess,
  isLoopbackAddress,
  localAccessState,
} from '@registry/core';
import { createDb } from '@registry/db';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@registry/db/embedded';
import { migrateDatabase } from '@registry/db/migrate';
import { seedDatabase } from '@registry/db/seed';
import { webDir, webServerArgs } from '@registry/web/server-command';
import { type SamplePluginServer, startSamplePluginServer } from './sample-plugin-server';

const root = resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 5173);
const samplePort = Number(process.env.SAMPLE_PLUGIN_PORT ?? 5180);

await assertPortFree(host, port);

let embedded: EmbeddedPostgres | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  const dataDir = process.env.EMBEDDED_DB_DIR ?? resolve(root, '.data/pglite');
  embedded = await startEmbeddedPostgres({ dataDir });
  databaseUrl = embedded.url;
  // The address is printed so that more processes (`pnpm worker`, another app server) can share
  // this database while the command runs: DATABASE_URL=<it> pnpm worker.
  console.log(`Database: embedded PostgreSQL (PGlite) at ${embedded.url}, data in ${dataDir}`);
} else {
  console.log(`Database: ${redact(databaseUrl)}`);
}

const { applied } = await migrateDatabase(databaseUrl);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

const db = createDb(databaseUrl, { maxConnections: 1 });
await seedDatabase(db, { samplePluginUrl: `http://127.0.0.1:${samplePort}` });
let samplePlugins: SamplePluginServer | undefined;
if (process.env.SAMPLE_PLUGIN !== 'off') {
  samplePlugins = await startSamplePluginServer(db, samplePort);
}
const access = accessSettingsFrom({ REGISTRY_MODE: process.env.REGISTRY_MODE });
const listensOnLoopback = host === 'localhost' || isLoopbackAddress(host);
console.log(describeLocalAccess(await localAccessState({ db, access }), listensOnLoopback));
await db.$disconnect();

const app = spawn(process.execPath, webServerArgs({ dev, port, host }), {
  cwd: webDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: dev ? 'development' : 'production',
    // Plugins must be on the public internet, except the seed plugins this command runs.
    PLUGIN_ALLOWED_ADDRESSES: allowedPluginAddresses(),
  },
});
const appUrl = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
console.log(`Plugin Action Registry: ${appUrl}`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app.kill('SIGTERM');
  await samplePlugins?.close();
  await embedded?.stop();
  process.exit(code);
}
app.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

// Once the app serves, the seed plugins register and prove their endpoints; a failure is
// reported, not fatal (the seed's own registration stays).
if (samplePlugins) {
  const registryUrl = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(registryUrl);
  await samplePlugins.connect(registryUrl);
}
console.log(`Ready: ${appUrl}`);

async function waitUntilAnswering(url: string): Promise<void> {
  for (let tries = 0; tries < 600 && !stopping; tries++) {
    const answered = await fetch(`${url}/api/plugins/events/automation`).then(
      () => true,
      () => false,
    );
    if (answered) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  }
}

/**
 * The seed plugins' own host and port, not all of loopback: an admin pointing a plugin at
 * another service on this machine (the database, the registry itself) gets ADDRESS_NOT_ALLOWED.
 */
function allowedPluginAddresses(): string {
  const configured = process.env.PLUGIN_ALLOWED_ADDRESSES ?? '';
  const seedPlugins = samplePlugins ? `127.0.0.1:${samplePort}` : '';
  return [configured, seedPlugins].filter(Boolean).join(',');
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

async function assertPortFree(hostname: string, wanted: number): Promise<void> {
  await new Promise<void>((ok, fail) => {
    const probe = createServer();
    probe.once('error', () =>
      fail(new Error(`Port ${wanted} on ${hostname} is in use; set PORT to use another.`)),
    );
    probe.listen(wanted, hostname, () => probe.close(() => ok()));
  }).catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
}
