import type { PluginCircuit } from '@registry/contracts';
import { TimeAgo } from '@/components/time-ago';
import { Badge } from '@/components/ui/badge';

const VARIANT = { closed: 'success', half_open: 'warning', open: 'destructive' } as const;
const LABEL = { closed: 'closed', half_open: 'half-open (trial call)', open: 'open' } as const;

/** The plugin's circuit breaker, shared by every server process and worker. */
export function CircuitState({ circuit }: { circuit: PluginCircuit }) {
  return (
    <span className="flex flex-wrap items-center gap-2">
      <Badge variant={VARIANT[circuit.state]}>{LABEL[circuit.state]}</Badge>
      {circuit.state === 'open' && circuit.half_open_at && (
        <span className="text-muted-foreground text-xs">
          trial call <TimeAgo iso={circuit.half_open_at} />
        </span>
      )}
      {circuit.consecutive_failures > 0 && (
        <span className="text-muted-foreground text-xs">
          {circuit.consecutive_failures} failed event
          {circuit.consecutive_failures === 1 ? '' : 's'} in a row
        </span>
      )}
    </span>
  );
}
