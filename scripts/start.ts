/**
 * Starts the whole product: PostgreSQL (embedded unless DATABASE_URL is set), migrations, seed
 * data, the sample email plugin and the Next.js app; once the app serves, the email plugin
 * registers its actions and proves its endpoint, and the command prints `Ready`. `--dev` runs
 * `next dev` instead of the production build.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import {
  accessSettingsFrom,
  describeLocalAccess,
  localAccessState,
  rotatePluginKey,
} from '@registry/core';
import { createDb, DEFAULT_TENANT_ID } from '@registry/db';
import { type EmbeddedPostgres, startEmbeddedPostgres } from '@registry/db/embedded';
import { migrateDatabase } from '@registry/db/migrate';
import { pointSeedPluginsAt, seedDatabase, seedPluginSecrets } from '@registry/db/seed';
import {
  EMAIL_PLUGIN_SLUG,
  type RunningEmailPlugin,
  startEmailPlugin,
} from '@registry/email-plugin';
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

let emailPlugin: RunningEmailPlugin | undefined;
let emailPluginKey = '';
const db = createDb(databaseUrl, { maxConnections: 1 });
const samplePluginUrl = `http://127.0.0.1:${samplePort}`;
await seedDatabase(db, { samplePluginUrl });
if (process.env.SAMPLE_PLUGIN !== 'off') {
  // The email plugin verifies every call with its seed plugin's signing secrets (restart after
  // rotating one), and registers with a fresh API key: keys are stored hashed, so each start
  // makes a new one for it.
  await pointSeedPluginsAt(db, samplePluginUrl);
  const secrets = await seedPluginSecrets(db);
  emailPluginKey = (await rotatePluginKey({ db }, DEFAULT_TENANT_ID, EMAIL_PLUGIN_SLUG)).api_key;
  emailPlugin = await startEmailPlugin({
    host: '127.0.0.1',
    port: samplePort,
    signingSecrets: secrets.get(EMAIL_PLUGIN_SLUG) ?? [],
  });
  console.log(`Email plugin: ${emailPlugin.url} (its outbox: ${emailPlugin.url}/)`);
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
    // Plugins must be on the public internet, except the email plugin this command runs.
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
  await emailPlugin?.close();
  await embedded?.stop();
  process.exit(code);
}
app.on('exit', (code) => void stop(code ?? 0));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

if (emailPlugin) await connectEmailPlugin(emailPlugin);
console.log(`Ready: ${appUrl}`);

/**
 * Once the app serves, the email plugin registers its actions and proves its endpoint; a failure
 * is reported, not fatal (the seed's own registration stays).
 */
async function connectEmailPlugin(plugin: RunningEmailPlugin): Promise<void> {
  const registryUrl = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(registryUrl);
  try {
    const connection = await plugin.connect({ url: registryUrl, apiKey: emailPluginKey });
    console.log(`Email plugin: ${connection.registration.message}`);
    console.log(`Email plugin: ${connection.verification.message}`);
  } catch (error) {
    console.error(`Email plugin: registration failed: ${(error as Error).message}`);
  }
}

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

function allowedPluginAddresses(): string {
  const configured = process.env.PLUGIN_ALLOWED_ADDRESSES ?? '';
  return emailPlugin ? [configured, '127.0.0.1'].filter(Boolean).join(',') : configured;
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
