import { type ActionHealth, HEALTHY_SUCCESS_RATE } from '@registry/contracts';
import { Badge } from '@/components/ui/badge';

/** Below this success rate an action is failing, not merely degraded. */
const FAILING_SUCCESS_RATE = 0.5;

type Grade = 'good' | 'degraded' | 'failing' | 'no calls';

const VARIANT = {
  good: 'success',
  degraded: 'warning',
  failing: 'destructive',
  'no calls': 'outline',
} as const;

/** The catalog's verdict: failing with an open circuit or most calls failing, else by the healthy rule. */
function gradeOf(health: ActionHealth): Grade {
  const rate = health.success_rate;
  if (health.circuit === 'open' || (rate !== null && rate < FAILING_SUCCESS_RATE)) {
    return 'failing';
  }
  if (health.circuit === 'half_open' || (rate !== null && rate < HEALTHY_SUCCESS_RATE)) {
    return 'degraded';
  }
  return rate === null ? 'no calls' : 'good';
}

/** What the badge stands for, in words, for screen readers and the tooltip. */
function describe(health: ActionHealth, grade: Grade): string {
  const circuit =
    health.circuit === 'closed' ? '' : `, circuit ${health.circuit.replace('_', '-')}`;
  if (health.success_rate === null) return `Health: no calls in 24 hours${circuit}`;
  const percent = Math.round(health.success_rate * 1000) / 10;
  return `Health: ${grade}, ${percent}% of ${health.calls} calls succeeded in 24 hours, p95 up to ${health.p95_ms} ms${circuit}`;
}

/** An action's last 24 hours at a glance: good, degraded, failing or no calls. */
export function HealthBadge({ health }: { health: ActionHealth }) {
  const grade = gradeOf(health);
  const label = describe(health, grade);
  return (
    <Badge variant={VARIANT[grade]} role="img" aria-label={label} title={label}>
      {grade}
    </Badge>
  );
}
