import type {
  AffectedAction,
  BreakingChange,
  RegistrationBreakingPolicy,
} from '@registry/contracts';
import { AppError } from '../errors/app-error';
import { readRecentActionCalls } from '../executions/store';
import type { RegistryDeps } from '../registry-deps';

/** Callers of an action within this window count as using it. */
export const USAGE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Throws 409 when the policy refuses these breaking changes: under `refuse-used`, when callers
 * dispatched one of the actions they change in the last 30 days; under `refuse-all`, whenever
 * there are any; never under `warn`. The answer lists every breaking change, and the actions
 * whose callers it would break with how much they were used.
 */
export async function enforceBreakingPolicy(
  { sql }: Pick<RegistryDeps, 'sql'>,
  target: { tenantId: string; pluginId: string; slug: string },
  changes: readonly BreakingChange[],
  policy: RegistrationBreakingPolicy,
): Promise<void> {
  if (changes.length === 0 || policy === 'warn') return;
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
  const affected: AffectedAction[] = actionTypes
    .filter((type) => policy === 'refuse-all' || used.has(type))
    .map((type) => ({
      action_type: type,
      events_last_30_days: used.get(type)?.events ?? 0,
      flows_last_30_days: used.get(type)?.flows ?? 0,
    }));
  if (affected.length === 0) return;
  const names = affected.map((action) => action.action_type).join(', ');
  throw new AppError(
    'CONFLICT',
    `Registration refused: it breaks callers of ${names} of plugin ${target.slug} ` +
      `(${changes.length} breaking change${changes.length === 1 ? '' : 's'}, see breaking_changes). ` +
      'Keep those actions compatible, or send "allow_breaking": true to register anyway.',
    undefined,
    { breaking_changes: [...changes], affected },
  );
}
