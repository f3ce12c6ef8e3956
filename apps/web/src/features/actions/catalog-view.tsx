'use client';

import { Layers, X } from 'lucide-react';
import Link from 'next/link';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { Button } from '@/components/ui/button';
import { useSearchFilters } from '@/lib/use-search-filters';
import { trpc } from '@/trpc/trpc';
import { ActionsTable } from './actions-table';
import { FacetGroup } from './catalog-facets';
import { CatalogSearch } from './catalog-search';

const FILTER_KEYS = ['category', 'plugin', 'search'] as const;

export function CatalogView() {
  const [filters, setFilters] = useSearchFilters(FILTER_KEYS);
  const actions = trpc.actions.discover.useQuery(filters, {
    placeholderData: (previous) => previous,
  });
  const facets = trpc.actions.facets.useQuery(filters, { placeholderData: (previous) => previous });
  const filtered = Object.keys(filters).length > 0;
  const clear = () => setFilters({ category: undefined, plugin: undefined, search: undefined });
  return (
    <>
      <PageHeader
        title="Actions"
        description="Everything automations can call: the platform's actions and those of active plugins."
        actions={
          <Button variant="outline" size="sm" asChild>
            <Link href="/batch">
              <Layers aria-hidden />
              Batch test-fire
            </Link>
          </Button>
        }
      />
      <div className="flex flex-col gap-5 md:flex-row">
        <aside aria-label="Filters" className="flex shrink-0 flex-col gap-4 md:w-52">
          <FacetGroup
            title="Category"
            facets={facets.data?.categories}
            selected={filters.category}
            onSelect={(category) => setFilters({ category })}
          />
          <FacetGroup
            title="Plugin"
            facets={facets.data?.plugins}
            selected={filters.plugin}
            onSelect={(plugin) => setFilters({ plugin })}
          />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col gap-3">
          <div className="flex flex-wrap items-center gap-2">
            <CatalogSearch
              value={filters.search ?? ''}
              onChange={(search) => setFilters({ search })}
            />
            <p className="text-muted-foreground text-sm" aria-live="polite">
              {facets.data
                ? `${facets.data.total} action${facets.data.total === 1 ? '' : 's'}`
                : ''}
            </p>
            {filtered && (
              <Button variant="ghost" size="sm" onClick={clear}>
                <X aria-hidden />
                Clear filters
              </Button>
            )}
          </div>
          {actions.error ? (
            <ApiErrorAlert error={actions.error} title="Could not load actions" />
          ) : (
            <ActionsTable
              actions={actions.data?.actions}
              empty={
                <EmptyState title="No actions match these filters">
                  <Button variant="link" onClick={clear}>
                    Clear filters
                  </Button>
                </EmptyState>
              }
            />
          )}
        </div>
      </div>
    </>
  );
}
