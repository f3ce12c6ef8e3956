import type { PluginHealth } from '@registry/contracts';
import Link from 'next/link';
import { TimeAgo } from '@/components/time-ago';
import { cn } from '@/lib/cn';

/**
 * A plugin's last day in a list cell: its success rate over the events that ended, and its
 * latest failure linked to history, so a plugin still `active` whose server died shows it.
 */
export function PluginHealthSummary({ health }: { health: PluginHealth }) {
  const finished = health.succeeded + health.failed;
  if (health.success_rate === null) {
    return (
      <span className="text-muted-foreground text-xs">no events in {health.window_hours} h</span>
    );
  }
  const percent = Math.floor(health.success_rate * 1000) / 10;
  return (
    <div className="flex flex-col gap-0.5 text-xs" data-testid="plugin-health">
      <span
        className={cn(
          'font-medium tabular-nums',
          health.failed > 0 ? 'text-destructive' : 'text-emerald-700',
        )}
      >
        {percent}% succeeded
      </span>
      <span className="text-muted-foreground tabular-nums">
        {health.failed} of {finished} failed in {health.window_hours} h
      </span>
      {health.last_failure && (
        <Link
          href={`/history/${health.last_failure.execution_id}`}
          title={health.last_failure.error ?? undefined}
          className="block max-w-56 truncate rounded text-muted-foreground underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
        >
          last failure <TimeAgo iso={health.last_failure.at} />
          {health.last_failure.error && `: ${health.last_failure.error}`}
        </Link>
      )}
    </div>
  );
}
