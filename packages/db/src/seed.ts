import type { Db } from './client';
import { DEFAULT_TENANT_ID } from './default-tenant';
import type { Prisma } from './generated/prisma/client';
import { SEED_PLUGINS } from './seed-plugins';
import { newSigningSecret } from './signing-secret';

export { EMAIL_AUTOMATION_PLUGIN_ID, SEED_PLUGINS } from './seed-plugins';

export interface SeedOptions {
  /** Base URL of the sample plugin server the seed plugins send their calls to. */
  samplePluginUrl: string;
}

/**
 * Creates the default tenant's seed plugins if they are missing, and a signing secret for each
 * that lacks one. Idempotent: plugins that exist keep their status, registrations (and the
 * action types recorded as provided by them), settings and secrets.
 */
export async function seedDatabase(db: Db, { samplePluginUrl }: SeedOptions): Promise<number> {
  const registeredAt = new Date().toISOString();
  const created = await db.plugin.createManyAndReturn({
    skipDuplicates: true,
    select: { id: true },
    data: SEED_PLUGINS.map((plugin) => ({
      id: plugin.id,
      tenantId: DEFAULT_TENANT_ID,
      slug: plugin.slug,
      name: plugin.name,
      status: plugin.status,
      apiEndpoint: samplePluginUrl.replace(/\/$/, '') + plugin.samplePath,
      events: plugin.events,
      metadata: { seeded: true },
      registeredActions: {
        actions: plugin.actions,
        registered_at: registeredAt,
      } as Prisma.InputJsonObject,
    })),
  });
  // A plugin created here provides its actions as if it had just registered them.
  await db.actionTypeProvider.createMany({
    data: SEED_PLUGINS.filter((plugin) => created.some(({ id }) => id === plugin.id)).flatMap(
      (plugin) =>
        plugin.actions.map((action) => ({
          tenantId: DEFAULT_TENANT_ID,
          pluginId: plugin.id,
          actionType: action.action_type,
        })),
    ),
  });
  const seeded = await db.plugin.findMany({
    where: { tenantId: DEFAULT_TENANT_ID, id: { in: SEED_PLUGINS.map((plugin) => plugin.id) } },
    select: { id: true },
  });
  await db.pluginSecret.createMany({
    skipDuplicates: true,
    data: seeded.map(({ id }) => ({ pluginId: id, secret: newSigningSecret() })),
  });
  await recordSeedEndpointsVerified(db, samplePluginUrl);
  return created.length;
}

/**
 * The signing secrets the sample plugin server needs to verify the seed plugins' calls, by
 * slug: the current one, and the previous one while its grace period lasts.
 */
export async function seedPluginSecrets(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.pluginSecret.findMany({
    where: {
      plugin: {
        tenantId: DEFAULT_TENANT_ID,
        id: { in: SEED_PLUGINS.map((plugin) => plugin.id) },
      },
    },
    select: {
      secret: true,
      previousSecret: true,
      previousValidUntil: true,
      plugin: { select: { slug: true } },
    },
  });
  const now = Date.now();
  return new Map(
    rows.map((row) => {
      const previousValid = row.previousSecret && (row.previousValidUntil?.getTime() ?? 0) > now;
      const secrets = previousValid ? [row.secret, row.previousSecret as string] : [row.secret];
      return [row.plugin.slug, secrets];
    }),
  );
}

/**
 * Re-points the seed plugins at a sample plugin server on a new port. Only plugins still
 * pointing at a loopback address are moved: an endpoint a person set elsewhere stays.
 */
export async function pointSeedPluginsAt(db: Db, samplePluginUrl: string): Promise<void> {
  for (const plugin of SEED_PLUGINS) {
    await db.plugin.updateMany({
      where: {
        tenantId: DEFAULT_TENANT_ID,
        id: plugin.id,
        OR: [
          { apiEndpoint: { startsWith: 'http://127.0.0.1:' } },
          { apiEndpoint: { startsWith: 'http://localhost:' } },
        ],
      },
      data: { apiEndpoint: samplePluginUrl.replace(/\/$/, '') + plugin.samplePath },
    });
  }
  await recordSeedEndpointsVerified(db, samplePluginUrl);
}

/**
 * A seed plugin pointing exactly where the seed put it (the start command's own plugin server)
 * counts as proven; the start command then proves it for real once the app serves. Any other
 * endpoint, loopback or not, must answer the challenge like every plugin's.
 */
async function recordSeedEndpointsVerified(db: Db, samplePluginUrl: string): Promise<void> {
  const plugins = await db.plugin.findMany({
    where: { tenantId: DEFAULT_TENANT_ID, id: { in: SEED_PLUGINS.map((plugin) => plugin.id) } },
    select: {
      id: true,
      apiEndpoint: true,
      endpointCheck: { select: { apiEndpoint: true, verifiedAt: true } },
    },
  });
  const now = new Date();
  for (const plugin of plugins) {
    const seeded = SEED_PLUGINS.find((candidate) => candidate.id === plugin.id);
    const apiEndpoint = samplePluginUrl.replace(/\/$/, '') + (seeded?.samplePath ?? '');
    if (plugin.apiEndpoint !== apiEndpoint) continue;
    if (plugin.endpointCheck?.apiEndpoint === apiEndpoint && plugin.endpointCheck.verifiedAt) {
      continue;
    }
    const check = { apiEndpoint, verifiedAt: now, checkedAt: now, lastError: null };
    await db.pluginEndpointVerification.upsert({
      where: { pluginId: plugin.id },
      create: { pluginId: plugin.id, ...check },
      update: check,
    });
  }
}
