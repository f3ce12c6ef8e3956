import type { ActionDefinition, EventWarning } from '@registry/contracts';

/** What a call to a deprecated action tells its caller: what to use instead, and until when. */
export function deprecationWarnings(
  action: Pick<ActionDefinition, 'action_type' | 'deprecated' | 'replaced_by' | 'sunset'>,
): EventWarning[] {
  if (action.deprecated !== true) return [];
  const instead = action.replaced_by ? `; use ${action.replaced_by} instead` : '';
  const until = action.sunset ? ` It may be removed after ${action.sunset}.` : '';
  return [
    {
      code: 'ACTION_DEPRECATED',
      message: `Action ${action.action_type} is deprecated${instead}.${until}`,
      ...(action.replaced_by ? { replaced_by: action.replaced_by } : {}),
      ...(action.sunset ? { sunset: action.sunset } : {}),
    },
  ];
}
