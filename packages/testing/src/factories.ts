import { randomUUID } from 'node:crypto';
import type { ActionDefinitionInput, InputSchema, OutputSchema } from '@registry/contracts';
import type { Db, Prisma } from '@registry/db';

/** A fresh tenant: tests sharing a database never see each other's rows. */
export function newTenantId(): string {
  return randomUUID();
}

/** An action as tests write one: plain JSON all through, so it can also be stored directly. */
export type TestActionDefinition = Omit<ActionDefinitionInput, 'input_schema' | 'output_schema'> & {
  input_schema?: InputSchema;
  output_schema?: OutputSchema;
};

export interface TestPluginInput {
  slug?: string;
  name?: string;
  status?: string;
  apiEndpoint?: string | null;
  actions?: TestActionDefinition[];
  /** Delivery settings: `{ retry_schedule?, max_in_flight?, max_per_second? }`. */
  delivery?: Record<string, unknown>;
}

/**
 * Inserts a plugin directly, as seed data does; registration goes through the API under test.
 * Its actions are recorded as provided from now, as a registration records them, so of plugins
 * inserted one after another registering the same type, the first is the type's default provider.
 */
export async function insertPlugin(db: Db, tenantId: string, input: TestPluginInput = {}) {
  const slug = input.slug ?? `plugin-${randomUUID().slice(0, 8)}`;
  const plugin = await db.plugin.create({
    data: {
      tenantId,
      slug,
      name: input.name ?? `Plugin ${slug}`,
      status: input.status ?? 'active',
      apiEndpoint: input.apiEndpoint ?? null,
      delivery: (input.delivery ?? {}) as Prisma.InputJsonObject,
      registeredActions: (input.actions
        ? { actions: input.actions.map(withDefaults), registered_at: new Date().toISOString() }
        : {}) as Prisma.InputJsonObject,
    },
  });
  const actionTypes = [...new Set((input.actions ?? []).map((action) => action.action_type))];
  if (actionTypes.length > 0) {
    // Stamped by the database's clock, to the microsecond, as registration stamps them.
    await db.$executeRaw`
      INSERT INTO action_type_providers (tenant_id, plugin_id, action_type)
      SELECT ${tenantId}::uuid, ${plugin.id}::uuid, unnest(${actionTypes}::text[])`;
  }
  return plugin;
}

export function actionDefinition(
  actionType: string,
  overrides: Partial<TestActionDefinition> = {},
): TestActionDefinition {
  return {
    action_type: actionType,
    title: `Title of ${actionType}`,
    category: 'email',
    required_fields: [],
    endpoint: `/actions/${actionType.replaceAll('_', '-')}`,
    ...overrides,
  };
}

function withDefaults(action: TestActionDefinition) {
  return { category: 'general', optional_fields: [], ...action };
}
