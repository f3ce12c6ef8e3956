import type { ActionHealth } from '@registry/contracts';

/** The health discovery reports for an action without calls in the window. */
export const UNCALLED_HEALTH: ActionHealth = {
  window: '24h',
  calls: 0,
  success_rate: null,
  p95_ms: null,
  last_error_code: null,
  last_error_at: null,
  circuit: 'closed',
};

/** An action's health: no calls, except for the `fields` given. */
export const actionHealth = (fields: Partial<ActionHealth> = {}): ActionHealth => ({
  ...UNCALLED_HEALTH,
  ...fields,
});
