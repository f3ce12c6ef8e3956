'use client';

import { useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from '@/components/ui/table';
import { cn } from '@/lib/cn';
import { formatMs } from '@/lib/format-ms';
import type { SearchFilters } from '@/lib/use-search-filters';
import type { RouterInputs } from '@/trpc/router-types';
import { trpc } from '@/trpc/trpc';
import type { HistoryKey } from './history-filter-keys';
import { StatsCharts } from './stats-charts';

const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 1000) / 10}%`);

/** Per-action success rate and latency over the filtered window; pick an action to chart it. */
export function ExecutionStatsPanel({ filters }: { filters: SearchFilters<HistoryKey> }) {
  // URL values go to the API as typed: it validates them and names a bad one (see ApiErrorAlert).
  const { view: _, status: __, ...query } = filters;
  const stats = trpc.executions.stats.useQuery(query as RouterInputs['executions']['stats'], {
    placeholderData: (previous) => previous,
  });
  const [selectedKey, setSelectedKey] = useState<string>();
  if (stats.error) return <ApiErrorAlert error={stats.error} title="Could not load metrics" />;
  if (!stats.data) return <Skeleton className="h-72" />;
  const { actions, bucket, from, to } = stats.data;
  if (actions.length === 0) {
    return <EmptyState title="No completed executions in this window" />;
  }
  const keyOf = (action: (typeof actions)[number]) => `${action.plugin_id}/${action.action_type}`;
  const selected = actions.find((action) => keyOf(action) === selectedKey) ?? actions[0];
  return (
    <div className="flex flex-col gap-4">
      <p className="text-muted-foreground text-xs">
        {new Date(from).toLocaleString()} – {new Date(to).toLocaleString()}, per {bucket}
      </p>
      <div className="rounded-lg border">
        <Table aria-label="Per-action metrics">
          <TableHeader>
            <TableRow className="hover:bg-transparent">
              <TableHead>Action</TableHead>
              <TableHead className="text-right">Runs</TableHead>
              <TableHead className="text-right">Success</TableHead>
              <TableHead className="text-right">p50</TableHead>
              <TableHead className="text-right">p95</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {actions.map((action) => {
              const isSelected = action === selected;
              return (
                <TableRow key={keyOf(action)} data-state={isSelected ? 'selected' : undefined}>
                  <TableCell className="w-full max-w-0">
                    <button
                      type="button"
                      aria-pressed={isSelected}
                      onClick={() => setSelectedKey(keyOf(action))}
                      className={cn(
                        'block max-w-full truncate rounded text-left font-mono text-[13px] outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring',
                        isSelected && 'font-semibold',
                      )}
                    >
                      {action.action_type}
                      <span className="block font-sans text-muted-foreground text-xs">
                        {action.plugin_slug ?? 'platform'}
                      </span>
                    </button>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {action.total}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {percent(action.success_rate)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {formatMs(action.p50_ms)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-right tabular-nums">
                    {formatMs(action.p95_ms)}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
      {selected && (
        <section aria-label={`Charts for ${selected.action_type}`} className="flex flex-col gap-2">
          <h2 className="font-semibold text-sm">
            <code className="font-mono">{selected.action_type}</code> over time
          </h2>
          <StatsCharts series={selected.series} bucket={bucket} />
        </section>
      )}
    </div>
  );
}
