import type { AffectedAction, BreakingChange } from './registration-history';

/**
 * Breaking changes as lines a person reads, one group per action: the action with how much
 * callers used it (when known), then each change's detail. The CLI's diff and the plugin SDK's
 * refusal error both print these, so a refusal reads the same wherever it shows.
 */
export function breakingChangeLines(
  changes: readonly BreakingChange[],
  affected: readonly AffectedAction[] = [],
): string[] {
  const usage = new Map(affected.map((action) => [action.action_type, action]));
  const actionTypes = [...new Set(changes.map((change) => change.action_type))];
  return actionTypes.flatMap((type) => {
    const use = usage.get(type);
    const heading = use ? `${type} (${usageText(use)})` : type;
    const details = changes.filter((change) => change.action_type === type);
    return [heading, ...details.map((change) => `  - ${change.detail}`)];
  });
}

function usageText(use: AffectedAction): string {
  if (use.events_last_30_days === 0) return 'not called in the last 30 days';
  const events = plural(use.events_last_30_days, 'event');
  const flows = plural(use.flows_last_30_days, 'flow');
  return `${events} from ${flows} in the last 30 days`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
