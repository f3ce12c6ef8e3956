import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDb, type Db } from './client';
import { DEFAULT_TENANT_ID } from './default-tenant';
import {
  EMAIL_AUTOMATION_PLUGIN_ID,
  pointSeedPluginsAt,
  seedDatabase,
  seedPluginSecrets,
} from './seed';
import { createTestDatabase, type TestDatabase } from './test-database';

const SAMPLE_URL = 'http://127.0.0.1:5180';

// A database of its own: the seed writes to the default tenant, which must start empty.
let database: TestDatabase;
let db: Db;
beforeAll(async () => {
  database = await createTestDatabase();
  db = createDb(database.url, { maxConnections: 2 });
});
afterAll(async () => {
  await db?.$disconnect();
  await database?.close();
});
beforeEach(() => db.plugin.deleteMany({ where: { tenantId: DEFAULT_TENANT_ID } }));

const seedPlugins = () =>
  db.plugin.findMany({ where: { tenantId: DEFAULT_TENANT_ID }, orderBy: { slug: 'asc' } });

const actionTypes = (registeredActions: unknown) =>
  (registeredActions as { actions: { action_type: string }[] }).actions.map((a) => a.action_type);

describe('seedDatabase', () => {
  it('[DB][SEED]: creates the four seed plugins for the default tenant', async () => {
    expect(await seedDatabase(db, { samplePluginUrl: `${SAMPLE_URL}/` })).toBe(4);

    const plugins = await seedPlugins();
    expect(plugins.map((p) => [p.slug, p.status, p.apiEndpoint])).toEqual([
      ['analytics-tracker', 'inactive', `${SAMPLE_URL}/analytics-tracker`],
      ['email-automation', 'active', SAMPLE_URL],
      ['slack-alerts', 'active', `${SAMPLE_URL}/slack-alerts`],
      ['sms-notifications', 'active', `${SAMPLE_URL}/sms-notifications`],
    ]);
    const email = await db.plugin.findUniqueOrThrow({ where: { id: EMAIL_AUTOMATION_PLUGIN_ID } });
    expect(email).toMatchObject({ tenantId: DEFAULT_TENANT_ID, slug: 'email-automation' });
    expect(actionTypes(email.registeredActions)).toEqual([
      'send_welcome_email',
      'send_abandoned_cart_email',
    ]);
    expect(email.registeredActions).toMatchObject({
      actions: [
        {
          required_fields: ['user_id', 'email'],
          endpoint: '/actions/send-welcome-email',
        },
        { required_fields: ['user_id', 'cart_id'] },
      ],
      registered_at: expect.any(String),
    });
    const provided = await db.actionTypeProvider.findMany({
      where: { pluginId: EMAIL_AUTOMATION_PLUGIN_ID },
      orderBy: { actionType: 'asc' },
    });
    expect(provided.map((row) => [row.actionType, row.chosenByAdmin])).toEqual([
      ['send_abandoned_cart_email', false],
      ['send_welcome_email', false],
    ]);
  });

  it('[DB][SEED]: a second run creates nothing and keeps what people changed', async () => {
    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    const changedActions = { actions: [], registered_at: '2026-01-01T00:00:00.000Z' };
    await db.plugin.update({
      where: { id: EMAIL_AUTOMATION_PLUGIN_ID },
      data: { status: 'inactive', registeredActions: changedActions },
    });
    const before = await seedPlugins();

    expect(await seedDatabase(db, { samplePluginUrl: 'http://127.0.0.1:6000' })).toBe(0);

    const after = await seedPlugins();
    expect(after).toEqual(before);
    const email = after.find((p) => p.id === EMAIL_AUTOMATION_PLUGIN_ID);
    expect(email).toMatchObject({
      status: 'inactive',
      registeredActions: changedActions,
      apiEndpoint: SAMPLE_URL,
    });
  });

  it('[DB][SEED]: gives each seed plugin a signing secret once, and lists them by slug', async () => {
    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    const first = await seedPluginSecrets(db);
    expect([...first.keys()].sort()).toEqual([
      'analytics-tracker',
      'email-automation',
      'slack-alerts',
      'sms-notifications',
    ]);
    for (const secrets of first.values())
      expect(secrets).toEqual([expect.stringMatching(/^whsec_/)]);

    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    expect(await seedPluginSecrets(db)).toEqual(first);
  });

  it('[DB][SEED]: re-creates only a seed plugin that was deleted', async () => {
    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    await db.plugin.delete({ where: { id: EMAIL_AUTOMATION_PLUGIN_ID } });

    expect(await seedDatabase(db, { samplePluginUrl: SAMPLE_URL })).toBe(1);
    expect(await seedPlugins()).toHaveLength(4);
  });
});

describe('pointSeedPluginsAt', () => {
  it('[DB][SEED]: moves loopback endpoints and leaves one a person set elsewhere', async () => {
    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    await db.plugin.updateMany({
      where: { tenantId: DEFAULT_TENANT_ID, slug: 'sms-notifications' },
      data: { apiEndpoint: 'https://sms.example.com/hooks' },
    });
    await db.plugin.updateMany({
      where: { tenantId: DEFAULT_TENANT_ID, slug: 'slack-alerts' },
      data: { apiEndpoint: 'http://localhost:5999/slack-alerts' },
    });

    await pointSeedPluginsAt(db, 'http://127.0.0.1:6001/');

    const endpoints = Object.fromEntries((await seedPlugins()).map((p) => [p.slug, p.apiEndpoint]));
    expect(endpoints).toEqual({
      'analytics-tracker': 'http://127.0.0.1:6001/analytics-tracker',
      'email-automation': 'http://127.0.0.1:6001',
      'slack-alerts': 'http://127.0.0.1:6001/slack-alerts',
      'sms-notifications': 'https://sms.example.com/hooks',
    });
  });

  it('[DB][SEED]: touches no plugin outside the seed set', async () => {
    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    const own = await db.plugin.create({
      data: {
        tenantId: DEFAULT_TENANT_ID,
        slug: 'my-local-plugin',
        name: 'My local plugin',
        apiEndpoint: 'http://127.0.0.1:7000',
      },
    });

    await pointSeedPluginsAt(db, 'http://127.0.0.1:6001');

    const after = await db.plugin.findUniqueOrThrow({ where: { id: own.id } });
    expect(after.apiEndpoint).toBe('http://127.0.0.1:7000');
  });
});

describe('seed endpoint proofs', () => {
  const verifiedEndpoints = async () =>
    Object.fromEntries(
      (
        await db.pluginEndpointVerification.findMany({
          where: { verifiedAt: { not: null } },
          select: { apiEndpoint: true, plugin: { select: { slug: true } } },
        })
      ).map((check) => [check.plugin.slug, check.apiEndpoint]),
    );

  it('[DB][SEED][VERIFY]: only the endpoints the seed itself set count as proven', async () => {
    await seedDatabase(db, { samplePluginUrl: SAMPLE_URL });
    expect(await verifiedEndpoints()).toMatchObject({
      'email-automation': SAMPLE_URL,
      'slack-alerts': `${SAMPLE_URL}/slack-alerts`,
    });

    // Someone points a seed plugin at another loopback service; the next start must not vouch
    // for it, while the plugins it moves to its new server are proven there.
    await db.plugin.updateMany({
      where: { tenantId: DEFAULT_TENANT_ID, slug: 'slack-alerts' },
      data: { apiEndpoint: 'http://127.0.0.1:6379/slack-alerts' },
    });
    await seedDatabase(db, { samplePluginUrl: 'http://127.0.0.1:6001' });
    await pointSeedPluginsAt(db, 'http://127.0.0.1:6001');

    const proven = await verifiedEndpoints();
    expect(proven['email-automation']).toBe('http://127.0.0.1:6001');
    expect(proven['slack-alerts']).toBe('http://127.0.0.1:6001/slack-alerts');
    await db.plugin.updateMany({
      where: { tenantId: DEFAULT_TENANT_ID, slug: 'sms-notifications' },
      data: { apiEndpoint: 'http://127.0.0.1:6379/sms' },
    });
    await seedDatabase(db, { samplePluginUrl: 'http://127.0.0.1:6001' });
    expect((await verifiedEndpoints())['sms-notifications']).not.toBe('http://127.0.0.1:6379/sms');
  });
});
