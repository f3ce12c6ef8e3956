'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import { useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { Button } from '@/components/ui/button';
import type { SearchFilters } from '@/lib/use-search-filters';
import type { RouterInputs } from '@/trpc/router-types';
import { trpc } from '@/trpc/trpc';
import { ExecutionsTable } from './executions-table';
import type { HistoryKey } from './history-filter-keys';

const PAGE_SIZE = 25;

/** One page of executions, newest first; the cursors of earlier pages allow going back. */
export function ExecutionsList({ filters }: { filters: SearchFilters<HistoryKey> }) {
  const [cursors, setCursors] = useState<string[]>([]);
  // URL values go to the API as typed: it validates them and names a bad one (see ApiErrorAlert).
  const { view: _, ...query } = filters;
  const page = trpc.executions.list.useQuery(
    { ...(query as RouterInputs['executions']['list']), limit: PAGE_SIZE, cursor: cursors.at(-1) },
    { placeholderData: (previous) => previous, refetchInterval: 10_000 },
  );
  if (page.error) return <ApiErrorAlert error={page.error} title="Could not load history" />;
  const next = page.data?.next_cursor;
  return (
    <div className="flex flex-col gap-3">
      <ExecutionsTable
        executions={page.data?.items}
        empty={
          <EmptyState title="No executions match">
            Fire an action from the catalog, or widen the filters.
          </EmptyState>
        }
      />
      {(cursors.length > 0 || next) && (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2">
          <span className="mr-auto text-muted-foreground text-xs">Page {cursors.length + 1}</span>
          <Button
            variant="outline"
            size="sm"
            disabled={cursors.length === 0}
            onClick={() => setCursors(cursors.slice(0, -1))}
          >
            <ChevronLeft aria-hidden />
            Newer
          </Button>
          <Button
            variant="outline"
            size="sm"
            disabled={!next}
            onClick={() => next && setCursors([...cursors, next])}
          >
            Older
            <ChevronRight aria-hidden />
          </Button>
        </nav>
      )}
    </div>
  );
}
