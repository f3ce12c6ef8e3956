/**
 * Starts the whole product: PostgreSQL (embedded unless DATABASE_URL is set), migrations, seed
 * data, the sample plugin server and the Next.js app. `--dev` runs `next dev` instead of the
 * production build.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { accessSettingsFrom, describeLocalAccess, localAccessState } from '@registry/core';
import { createDb } from '@registry/db';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@registry/db/embedded';
import { migrateDatabase } from '@registry/db/migrate';
import { pointSeedPluginsAt, seedDatabase, seedPluginSecrets } from '@registry/db/seed';
import { type SamplePlugin, startSamplePlugin } from '@registry/sample-plugin';
import { nextServerArgs, webDir } from '@registry/web/server-command';

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
  console.log(`Database: embedded PostgreSQL (PGlite), data in ${dataDir}`);
} else {
  console.log(`Database: ${redact(databaseUrl)}`);
}

const { applied } = await migrateDatabase(databaseUrl);
if (applied.length > 0) console.log(`Applied migrations: ${applied.join(', ')}`);

let sample: SamplePlugin | undefined;
const db = createDb(databaseUrl, { maxConnections: 1 });
if (process.env.SAMPLE_PLUGIN !== 'off') {
  // The sample plugin verifies every call with the seed plugins' signing secrets, known once
  // the seed has made them (restart after rotating one of them).
  let secrets = new Map<string, string[]>();
  sample = await startSamplePlugin({
    host: '127.0.0.1',
    port: samplePort,
    secretsFor: (slug) => secrets.get(slug),
  });
  await seedDatabase(db, { samplePluginUrl: sample.url });
  await pointSeedPluginsAt(db, sample.url);
  secrets = await seedPluginSecrets(db);
  console.log(`Sample plugin: ${sample.url} (serves the seed plugins' actions)`);
} else {
  await seedDatabase(db, { samplePluginUrl: `http://127.0.0.1:${samplePort}` });
}
const access = accessSettingsFrom({
  REGISTRY_MODE: process.env.REGISTRY_MODE,
  REGISTRY_LISTEN_HOST: host,
});
console.log(describeLocalAccess(await localAccessState({ db, access }), host));
await db.$disconnect();

const app = spawn(process.execPath, nextServerArgs({ dev, port, host }), {
  cwd: webDir,
  stdio: 'inherit',
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: dev ? 'development' : 'production',
    REGISTRY_LISTEN_HOST: host,
    // Plugins must be on the public internet, except the sample plugin this command runs.
    PLUGIN_ALLOWED_ADDRESSES: allowedPluginAddresses(),
  },
});
console.log(`Plugin Action Registry: http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`);

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  app.kill('SIGTERM');
  await sample?.close();
  await embedded?.stop();
  process.exit(code);
}
app.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

function allowedPluginAddresses(): string {
  const configured = process.env.PLUGIN_ALLOWED_ADDRESSES ?? '';
  return sample ? [configured, '127.0.0.1'].filter(Boolean).join(',') : configured;
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
