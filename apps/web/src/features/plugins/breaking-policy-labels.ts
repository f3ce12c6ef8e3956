import type { RegistrationBreakingPolicy } from '@registry/contracts';

/** Each breaking-change rule as an operator reads it. */
export const BREAKING_POLICY_LABELS: Record<RegistrationBreakingPolicy, string> = {
  'refuse-used': 'Refuse those to actions called in the last 30 days',
  'refuse-all': 'Refuse every breaking change',
  warn: 'Accept them, reporting each',
};

/** The plugin's rule, or the server's (REGISTRATION_BREAKING_POLICY) when it has none. */
export function breakingPolicyLabel(policy: RegistrationBreakingPolicy | null): string {
  return policy ? BREAKING_POLICY_LABELS[policy] : "The server's default";
}
