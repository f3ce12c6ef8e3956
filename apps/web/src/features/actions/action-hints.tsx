import type { DiscoveredAction } from '@registry/contracts';
import { Badge } from '@/components/ui/badge';

const HINTS = [
  { key: 'read_only', yes: 'Read only', no: 'Changes data' },
  { key: 'destructive', yes: 'Destructive', no: 'Not destructive' },
  { key: 'idempotent', yes: 'Idempotent', no: 'Not idempotent' },
] as const;

/** What the action declared about calling it; an undeclared hint is unknown, not "no". */
export function ActionHints({ action }: { action: DiscoveredAction }) {
  const declared = HINTS.filter(({ key }) => action[key] !== undefined);
  if (declared.length === 0) return <span className="text-muted-foreground">none declared</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Hints">
      {declared.map(({ key, yes, no }) => (
        <li key={key}>
          <Badge variant={key === 'destructive' && action[key] ? 'destructive' : 'outline'}>
            {action[key] ? yes : no}
          </Badge>
        </li>
      ))}
    </ul>
  );
}
