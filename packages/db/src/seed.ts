import type { Db } from './client';
import { DEFAULT_TENANT_ID } from './default-tenant';
import type { Prisma } from './generated/prisma/client';
import { SEED_PLUGINS } from './seed-plugins';

export { EMAIL_AUTOMATION_PLUGIN_ID, SEED_PLUGINS } from './seed-plugins';

export interface SeedOptions {
  /** Base URL of the sample plugin server the seed plugins send their calls to. */
  samplePluginUrl: string;
}

/**
 * Creates the default tenant's seed plugins if they are missing. Idempotent: plugins that
 * exist keep their status, registrations and settings.
 */
export async function seedDatabase(db: Db, { samplePluginUrl }: SeedOptions): Promise<number> {
  const registeredAt = new Date().toISOString();
  const result = await db.plugin.createMany({
    skipDuplicates: true,
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
  return result.count;
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
}
