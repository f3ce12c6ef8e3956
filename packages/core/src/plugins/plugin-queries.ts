import {
  type CreatedPlugin,
  type CreatePluginRequest,
  EMPTY_PLUGIN_BACKLOG,
  EMPTY_PLUGIN_HEALTH,
  type ListPluginsQuery,
  type PatchPluginFields,
  PENDING_VERIFICATION,
  PLUGIN_KEY_PREFIX,
  type Plugin,
  type PluginList,
  type PluginStatus,
  type UpdatePluginFields,
} from '@registry/contracts';
import { newSigningSecret, type Prisma } from '@registry/db';
import { generateSecret, hashSecret } from '../auth/secrets';
import { AppError } from '../errors/app-error';
import { pluginNotFound } from '../errors/plugin-not-found';
import { isUniqueViolation } from '../errors/prisma-errors';
import { readPluginBacklogs, readPluginHealth } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';
import { applyPluginChange } from './plugin-activation';
import {
  deletePluginBySlug,
  findPluginBySlug,
  findPluginPage,
  insertPlugin,
  type PluginColumns,
  toPluginDto,
} from './store';

type Deps = Pick<RegistryDeps, 'db'>;
type ReadDeps = Pick<RegistryDeps, 'db' | 'sql'>;
type ChangeDeps = Pick<RegistryDeps, 'db' | 'sql' | 'pluginHttp'>;

export async function listPlugins(
  deps: ReadDeps,
  tenantId: string,
  query: ListPluginsQuery,
): Promise<PluginList> {
  const rows = await findPluginPage(deps.db, tenantId, {
    status: query.status,
    search: query.search || undefined,
    afterSlug: query.cursor,
    limit: query.limit,
  });
  const page = rows.slice(0, query.limit);
  const activityOf = await readPluginActivity(
    deps,
    tenantId,
    page.map((row) => row.id),
  );
  return {
    plugins: page.map((row) => toPluginDto(row, activityOf(row.id))),
    next_cursor: rows.length > query.limit ? (page.at(-1)?.slug ?? null) : null,
  };
}

export async function getPlugin(deps: ReadDeps, tenantId: string, slug: string): Promise<Plugin> {
  const row = await findPluginBySlug(deps.db, tenantId, slug);
  if (!row) throw pluginNotFound(slug);
  const activityOf = await readPluginActivity(deps, tenantId, [row.id]);
  return toPluginDto(row, activityOf(row.id));
}

/** The backlog and health of a page of plugins: two statements, whatever the page's size. */
async function readPluginActivity(
  { sql }: Pick<RegistryDeps, 'sql'>,
  tenantId: string,
  pluginIds: string[],
) {
  const [backlogOf, healthOf] = await Promise.all([
    readPluginBacklogs(sql, tenantId, pluginIds),
    readPluginHealth(sql, tenantId, pluginIds),
  ]);
  return (pluginId: string) => ({ backlog: backlogOf(pluginId), health: healthOf(pluginId) });
}

/**
 * Creates a plugin with a fresh API key (the database keeps its hash) and a signing secret,
 * both returned this once.
 */
export async function createPlugin(
  { db }: Deps,
  tenantId: string,
  input: CreatePluginRequest,
): Promise<CreatedPlugin> {
  const apiKey = generateSecret(PLUGIN_KEY_PREFIX);
  const signingSecret = newSigningSecret();
  try {
    const row = await insertPlugin(
      db,
      {
        ...toColumns(input),
        // An endpoint must answer the ownership challenge before the plugin serves, and the
        // plugin's server cannot know its signing secret before this answer gives it.
        status:
          input.status === 'active' && input.api_endpoint ? PENDING_VERIFICATION : input.status,
        tenantId,
        slug: input.slug,
        name: input.name,
        apiKeyHash: hashSecret(apiKey),
      },
      signingSecret,
    );
    // A plugin just created has had no events.
    const plugin = toPluginDto(row, { backlog: EMPTY_PLUGIN_BACKLOG, health: EMPTY_PLUGIN_HEALTH });
    return { ...plugin, api_key: apiKey, signing_secret: signingSecret };
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw AppError.conflict(`A plugin with slug "${input.slug}" already exists`);
    }
    throw error;
  }
}

/** PUT: every updatable field is set; omitted ones take their defaults. */
export function replacePlugin(
  deps: ChangeDeps,
  tenantId: string,
  slug: string,
  input: UpdatePluginFields,
): Promise<Plugin> {
  return changePlugin(deps, tenantId, slug, toColumns(input));
}

/** PATCH: only the given fields change. */
export function patchPlugin(
  deps: ChangeDeps,
  tenantId: string,
  slug: string,
  input: PatchPluginFields,
): Promise<Plugin> {
  return changePlugin(deps, tenantId, slug, toColumns(input));
}

export function setPluginStatus(
  deps: ChangeDeps,
  tenantId: string,
  slug: string,
  status: PluginStatus,
): Promise<Plugin> {
  return changePlugin(deps, tenantId, slug, { status, statusReason: null }, status === 'active');
}

export async function deletePlugin(
  { db }: Pick<RegistryDeps, 'db'>,
  tenantId: string,
  slug: string,
): Promise<void> {
  if (!(await deletePluginBySlug(db, tenantId, slug))) throw pluginNotFound(slug);
}

function changePlugin(
  deps: ChangeDeps,
  tenantId: string,
  slug: string,
  columns: PluginColumns,
  refuseUnproven = false,
): Promise<Plugin> {
  return applyPluginChange(deps, tenantId, slug, columns, () => getPlugin(deps, tenantId, slug), {
    refuseUnproven,
  });
}

function toColumns(input: PatchPluginFields) {
  return {
    name: input.name,
    status: input.status,
    apiEndpoint: input.api_endpoint,
    webhookUrl: input.webhook_url,
    events: input.events,
    config: input.config as Prisma.InputJsonObject | undefined,
    metadata: input.metadata as Prisma.InputJsonObject | undefined,
    delivery: input.delivery as Prisma.InputJsonObject | undefined,
    breakingPolicy: input.breaking_policy,
    // A status an operator sets needs no reason from the registry.
    ...(input.status === undefined ? {} : { statusReason: null }),
  };
}
