/**
 * The seed plugins' server the start command runs: the four seed plugins on one loopback port,
 * each below its seed `samplePath` (email-automation at the root), each verifying calls with its
 * seed signing secrets. Once the app serves, each registers its actions and proves its endpoint.
 */
import { rotatePluginKey } from '@registry/core';
import { type Db, DEFAULT_TENANT_ID } from '@registry/db';
import { pointSeedPluginsAt, SEED_PLUGINS, seedPluginSecrets } from '@registry/db/seed';
import { createEmailPlugin } from '@registry/email-plugin';
import { listenAll, type Plugin, type ServedPlugin } from '@registry/plugin-sdk';
import {
  createAnalyticsPlugin,
  createSlackPlugin,
  createSmsPlugin,
} from '@registry/sample-plugins';

/** Each seed plugin's server: how the command names it and where it shows what it did. */
const SAMPLE_PLUGINS: Record<string, { label: string; create(): Plugin; log: string }> = {
  'email-automation': { label: 'Email plugin', create: () => createEmailPlugin(), log: '/' },
  'sms-notifications': { label: 'SMS plugin', create: () => createSmsPlugin(), log: '/outbox' },
  'slack-alerts': { label: 'Slack plugin', create: () => createSlackPlugin(), log: '/outbox' },
  'analytics-tracker': {
    label: 'Analytics plugin',
    create: () => createAnalyticsPlugin(),
    log: '/events',
  },
};

export interface SamplePluginServer {
  url: string;
  /** Registers each plugin's actions and proves its endpoint; failures are reported, not fatal. */
  connect(registryUrl: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Points the seed plugins at `127.0.0.1:port` (those a person moved off loopback stay where they
 * are, and are not served), gives each served plugin a fresh API key (keys are stored hashed, so
 * each start makes a new one) and its current secrets (restart after rotating one), and listens.
 */
export async function startSamplePluginServer(db: Db, port: number): Promise<SamplePluginServer> {
  const url = `http://127.0.0.1:${port}`;
  await pointSeedPluginsAt(db, url);
  const secrets = await seedPluginSecrets(db);
  const endpoints = new Map(
    (
      await db.plugin.findMany({
        where: { tenantId: DEFAULT_TENANT_ID, id: { in: SEED_PLUGINS.map((seed) => seed.id) } },
        select: { slug: true, apiEndpoint: true },
      })
    ).map((plugin) => [plugin.slug, plugin.apiEndpoint]),
  );
  const served = [];
  for (const seed of SEED_PLUGINS) {
    const sample = SAMPLE_PLUGINS[seed.slug];
    if (!sample) continue;
    if (endpoints.get(seed.slug) !== url + seed.samplePath) {
      console.log(
        `${sample.label}: not served; ${seed.slug} points at ${endpoints.get(seed.slug)}`,
      );
      continue;
    }
    const { api_key } = await rotatePluginKey({ db }, DEFAULT_TENANT_ID, seed.slug);
    served.push({ seed, sample, apiKey: api_key });
  }
  const server = await listenAll(
    served.map(({ seed, sample }) => ({
      plugin: sample.create(),
      basePath: seed.samplePath,
      signingSecrets: secrets.get(seed.slug) ?? [],
    })),
    { host: '127.0.0.1', port },
  );
  // listenAll answers the plugins in the order they were mounted.
  const plugins = served.map((entry, index) => ({
    ...entry,
    server: server.plugins[index] as ServedPlugin,
  }));
  for (const { sample, server: plugin } of plugins) {
    console.log(`${sample.label}: ${plugin.url} (what it did: ${plugin.url}${sample.log})`);
  }
  return {
    url,
    async connect(registryUrl) {
      for (const { sample, apiKey, server: plugin } of plugins) {
        try {
          const connection = await plugin.connect({ url: registryUrl, apiKey });
          console.log(`${sample.label}: ${connection.registration.message}`);
          console.log(`${sample.label}: ${connection.verification.message}`);
          if (connection.warning) console.warn(`${sample.label}: ${connection.warning}`);
        } catch (error) {
          console.error(`${sample.label}: registration failed: ${(error as Error).message}`);
        }
      }
    },
    close: server.close,
  };
}
