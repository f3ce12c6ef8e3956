'use client';

import { PageHeader } from '@/components/page-header';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useSearchFilters } from '@/lib/use-search-filters';
import { ExecutionStatsPanel } from './execution-stats-panel';
import { ExecutionsList } from './executions-list';
import { HISTORY_KEYS } from './history-filter-keys';
import { HistoryFilters } from './history-filters';

export function HistoryView() {
  const [filters, setFilters] = useSearchFilters(HISTORY_KEYS);
  const { view: _, ...listFilters } = filters;
  return (
    <>
      <PageHeader
        title="History"
        description="Every executed event: what was sent, what came back, and how long it took."
      />
      <HistoryFilters filters={filters} onChange={setFilters} />
      <Tabs
        value={filters.view === 'metrics' ? 'metrics' : 'events'}
        onValueChange={(view) => setFilters({ view: view === 'metrics' ? view : undefined })}
        className="mt-5"
      >
        <TabsList>
          <TabsTrigger value="events">Events</TabsTrigger>
          <TabsTrigger value="metrics">Metrics</TabsTrigger>
        </TabsList>
        <TabsContent value="events" className="mt-3">
          {/* New filters start again at the newest page. */}
          <ExecutionsList key={JSON.stringify(listFilters)} filters={filters} />
        </TabsContent>
        <TabsContent value="metrics" className="mt-3">
          <ExecutionStatsPanel filters={filters} />
        </TabsContent>
      </Tabs>
    </>
  );
}
