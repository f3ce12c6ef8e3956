import {
  type AffectedAction,
  type BreakingChange,
  type RegistrationBreakingPolicy,
  type RegistrationPreview,
  ZRegistrationBreakingPolicySchema,
} from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { readRecentActionCalls } from '../executions/store';
import type { RegistrationHead } from '../plugins/store';
import type { RegistryDeps } from '../registry-deps';

/** Callers of an action within this window count as using it. */
export const USAGE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

type BreakingRule = RegistrationPreview['breaking_policy'];

/** The plugin's own `breaking_policy` when it has one, else the server's default. */
export function breakingRuleOf(
  { registration }: Pick<RegistryDeps, 'registration'>,
  head: Pick<RegistrationHead, 'breaking_policy'>,
): BreakingRule {
  const own = ZRegistrationBreakingPolicySchema.safeParse(head.breaking_policy);
  return own.success
    ? { rule: own.data, source: 'plugin' }
    : { rule: registration.breakingPolicy, source: 'server' };
}

export interface BreakingVerdict {
  /** Each action the changes touch, with its use in the last 30 days. */
  affected: AffectedAction[];
  /** Those the rule protects: a registration making these changes is refused. */
  refused: AffectedAction[];
}

/**
 * How a rule judges breaking changes: under `refuse-used` it refuses those to actions callers
 * dispatched in the last 30 days, under `refuse-all` every one, under `warn` none.
 */
export async function judgeBreakingChanges(
  { sql }: Pick<RegistryDeps, 'sql'>,
  target: { tenantId: string; pluginId: string },
  changes: readonly BreakingChange[],
  rule: RegistrationBreakingPolicy,
): Promise<BreakingVerdict> {
  const actionTypes = [...new Set(changes.map((change) => change.action_type))];
  const since = new Date(Date.now() - USAGE_WINDOW_MS);
  const calls = await readRecentActionCalls(
    sql,
    target.tenantId,
    target.pluginId,
    actionTypes,
    since,
  );
  const used = new Map(calls.map((row) => [row.action_type, row]));
  const affected = actionTypes.map((type) => ({
    action_type: type,
    events_last_30_days: used.get(type)?.events ?? 0,
    flows_last_30_days: used.get(type)?.flows ?? 0,
  }));
  const refused = affected.filter(
    (action) => rule === 'refuse-all' || (rule === 'refuse-used' && used.has(action.action_type)),
  );
  return { affected, refused };
}

/**
 * Throws 409 when the rule refuses these breaking changes. The answer lists every breaking
 * change, and the actions whose callers it would break with how much they were used.
 */
export async function enforceBreakingPolicy(
  deps: Pick<RegistryDeps, 'sql'>,
  target: { tenantId: string; pluginId: string; slug: string },
  changes: readonly BreakingChange[],
  rule: RegistrationBreakingPolicy,
): Promise<void> {
  if (changes.length === 0 || rule === 'warn') return;
  const { refused } = await judgeBreakingChanges(deps, target, changes, rule);
  if (refused.length === 0) return;
  const names = refused.map((action) => action.action_type).join(', ');
  throw new AppError(
    'CONFLICT',
    `Registration refused: it breaks callers of ${names} of plugin ${target.slug} ` +
      `(${changes.length} breaking change${changes.length === 1 ? '' : 's'}, see breaking_changes). ` +
      'Keep those actions compatible, or send "allow_breaking": true to register anyway.',
    undefined,
    { breaking_changes: [...changes], affected: refused },
  );
}
