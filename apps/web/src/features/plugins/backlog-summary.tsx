import type { PluginBacklog } from '@registry/contracts';
import Link from 'next/link';
import { StatusBadge } from '@/components/status-badge';
import { TimeAgo } from '@/components/time-ago';

const STATUSES = ['queued', 'running', 'retrying', 'dead'] as const;

/**
 * A plugin's undelivered events by status, and when the oldest waiting one was recorded, or
 * `empty`. With `pluginId`, each count links to those events in the history.
 */
export function BacklogSummary({
  backlog,
  pluginId,
  empty = 'nothing waiting',
}: {
  backlog: PluginBacklog;
  pluginId?: string;
  empty?: string;
}) {
  const present = STATUSES.filter((status) => backlog[status] > 0);
  if (present.length === 0) return <span className="text-muted-foreground">{empty}</span>;
  return (
    <span className="flex flex-wrap items-center gap-1.5">
      {present.map((status) => {
        const badge = <StatusBadge key={status} status={status} count={backlog[status]} />;
        if (!pluginId) return badge;
        return (
          <Link
            key={status}
            href={`/history?plugin_id=${pluginId}&status=${status}`}
            className="rounded-md outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            {badge}
          </Link>
        );
      })}
      {backlog.oldest_waiting_at && (
        <span className="text-muted-foreground text-xs">
          oldest waiting: <TimeAgo iso={backlog.oldest_waiting_at} />
        </span>
      )}
    </span>
  );
}
