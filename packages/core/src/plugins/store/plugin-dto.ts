import {
  type EndpointVerification,
  type Plugin,
  type PluginBacklog,
  type PluginCircuit,
  type PluginHealth,
  ZPluginDeliverySchema,
  ZRegistrationBreakingPolicySchema,
} from '@registry/contracts';
import type { Prisma } from '@registry/db';
import { readRegisteredActions } from '../registered-actions';

export const pluginSelect = {
  id: true,
  name: true,
  slug: true,
  status: true,
  statusReason: true,
  apiEndpoint: true,
  webhookUrl: true,
  events: true,
  config: true,
  metadata: true,
  registeredActions: true,
  delivery: true,
  breakingPolicy: true,
  createdAt: true,
  updatedAt: true,
  endpointCheck: {
    select: { apiEndpoint: true, verifiedAt: true, checkedAt: true, lastError: true },
  },
  deliveryState: {
    select: { circuitState: true, consecutiveFailures: true, openedAt: true, halfOpenAt: true },
  },
} satisfies Prisma.PluginSelect;

export type PluginRow = Prisma.PluginGetPayload<{ select: typeof pluginSelect }>;

/** What the ledger says of a plugin: its backlog and its recent health (see executions/store). */
export interface PluginActivity {
  backlog: PluginBacklog;
  health: PluginHealth;
}

/**
 * The plugin as callers see it, with its activity and its circuit breaker once it has been
 * called; `api_key` and the signing secret never leave the database this way.
 */
export function toPluginDto(row: PluginRow, { backlog, health }: PluginActivity): Plugin {
  const registration = readRegisteredActions(row.registeredActions);
  const circuit = circuitOf(row);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    status: row.status,
    status_reason: row.statusReason,
    endpoint_verification: endpointVerificationOf(row),
    api_endpoint: row.apiEndpoint,
    webhook_url: row.webhookUrl,
    events: row.events,
    config: asObject(row.config),
    metadata: asObject(row.metadata),
    delivery: ZPluginDeliverySchema.catch({}).parse(row.delivery),
    breaking_policy: ZRegistrationBreakingPolicySchema.nullable()
      .catch(null)
      .parse(row.breakingPolicy),
    registered_actions: { actions: registration.actions },
    actions_count: registration.actions.length,
    registered_at: registration.registered_at,
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    ...(circuit ? { circuit } : {}),
    backlog,
    health,
  };
}

export function circuitOf(row: Pick<PluginRow, 'deliveryState'>): PluginCircuit | undefined {
  const state = row.deliveryState;
  if (!state) return undefined;
  return {
    state: state.circuitState as PluginCircuit['state'],
    consecutive_failures: state.consecutiveFailures,
    opened_at: state.openedAt?.toISOString() ?? null,
    half_open_at: state.halfOpenAt?.toISOString() ?? null,
  };
}

/** The check of the current endpoint; a check of a previous endpoint counts for nothing. */
function endpointVerificationOf(row: PluginRow): EndpointVerification | null {
  if (!row.apiEndpoint) return null;
  const check = row.endpointCheck?.apiEndpoint === row.apiEndpoint ? row.endpointCheck : null;
  return {
    verified: Boolean(check?.verifiedAt),
    verified_at: check?.verifiedAt?.toISOString() ?? null,
    checked_at: check?.checkedAt.toISOString() ?? null,
    error: check?.lastError ?? null,
  };
}

function asObject(value: Prisma.JsonValue): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
