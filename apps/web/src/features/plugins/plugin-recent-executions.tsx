'use client';

import Link from 'next/link';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { StatusBadge } from '@/components/status-badge';
import { TimeAgo } from '@/components/time-ago';
import { TitledSection } from '@/components/titled-section';
import { Skeleton } from '@/components/ui/skeleton';
import { formatMs } from '@/lib/format-ms';
import { trpc } from '@/trpc/trpc';

const RECENT = 10;

/** The plugin's latest events, each linked to its history entry, and the way to all of them. */
export function PluginRecentExecutions({ pluginId }: { pluginId: string }) {
  const recent = trpc.executions.list.useQuery(
    { plugin_id: pluginId, limit: RECENT },
    { refetchInterval: 10_000 },
  );
  return (
    <TitledSection id="recent-executions" title="Recent executions">
      {recent.error && <ApiErrorAlert error={recent.error} title="Could not load executions" />}
      {recent.isPending && <Skeleton className="h-24" />}
      {recent.data?.items.length === 0 && (
        <EmptyState title="No executions yet">Nothing has called this plugin's actions.</EmptyState>
      )}
      {recent.data && recent.data.items.length > 0 && (
        <ol aria-label="Recent executions" className="flex flex-col divide-y rounded-lg border">
          {recent.data.items.map((execution) => (
            <li
              key={execution.id}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 px-3 py-2 text-sm"
            >
              <StatusBadge status={execution.status} />
              <Link
                href={`/history/${execution.id}`}
                className="min-w-0 break-all rounded font-mono text-[13px] outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
              >
                {execution.action_type}
              </Link>
              <span className="ml-auto flex flex-wrap gap-x-3 text-muted-foreground text-xs tabular-nums">
                <span title="Latency">{formatMs(execution.duration_ms)}</span>
                <span>
                  {execution.attempts.length} attempt{execution.attempts.length === 1 ? '' : 's'}
                </span>
                <TimeAgo iso={execution.created_at} />
              </span>
            </li>
          ))}
        </ol>
      )}
      <Link
        href={`/history?plugin_id=${pluginId}`}
        className="self-start rounded text-sm underline underline-offset-4 outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        View all in history
      </Link>
    </TitledSection>
  );
}
