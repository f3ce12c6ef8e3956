'use client';

import Link from 'next/link';
import { EmptyState } from '@/components/empty-state';
import { StatusBadge } from '@/components/status-badge';
import { TimeAgo } from '@/components/time-ago';
import type { RouterOutputs } from '@/trpc/router-types';

type Execution = RouterOutputs['executions']['list']['items'][number];

/** The most recent failed and dead events, each linked to its page in history. */
export function RecentFailures({ failures }: { failures: Execution[] }) {
  if (failures.length === 0) return <EmptyState title="No failed events" />;
  return (
    <ol aria-label="Recent failures" className="flex flex-col divide-y rounded-lg border">
      {failures.map((execution) => (
        <li key={execution.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2">
          <StatusBadge status={execution.status} />
          <Link
            href={`/history/${execution.id}`}
            className="rounded font-mono text-[13px] outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            {execution.action_type}
          </Link>
          <span className="text-muted-foreground text-xs">
            {execution.plugin_slug ?? 'platform'}
          </span>
          <span className="ml-auto text-muted-foreground text-xs">
            <TimeAgo iso={execution.created_at} />
          </span>
          {execution.error && (
            <span
              className="basis-full truncate text-muted-foreground text-xs"
              title={execution.error}
            >
              {execution.error_code && (
                <code className="mr-1 font-mono">{execution.error_code}</code>
              )}
              {execution.error}
            </span>
          )}
        </li>
      ))}
    </ol>
  );
}
