'use client';

import type { CreatedPlugin } from '@registry/contracts';
import { keepPreviousData } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { columnHelper, DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { TimeAgo } from '@/components/time-ago';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import type { RouterOutputs } from '@/trpc/router-types';
import { trpc } from '@/trpc/trpc';
import { AddPluginForm } from './add-plugin-form';
import { BacklogSummary } from './backlog-summary';
import { CircuitState } from './circuit-state';
import { PluginCreated } from './plugin-created';
import { PluginHealthSummary } from './plugin-health';
import { PluginListFilters, type PluginStatusFilter } from './plugin-list-filters';

type Plugin = RouterOutputs['plugins']['list']['plugins'][number];
const column = columnHelper<Plugin>();

const columns = column.columns([
  column.accessor('name', {
    header: 'Plugin',
    sortFn: 'text',
    cell: ({ row }) => (
      <Link
        href={`/plugins/${row.original.slug}`}
        className="group block rounded outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <span className="font-medium group-hover:underline">{row.original.name}</span>
        <span className="block font-mono text-muted-foreground text-xs">{row.original.slug}</span>
      </Link>
    ),
  }),
  column.accessor('status', {
    header: 'Status',
    sortFn: 'text',
    cell: ({ row }) => (
      <>
        <StatusBadge status={row.original.status} />
        {row.original.status_reason && (
          <span className="mt-1 block max-w-64 text-muted-foreground text-xs">
            {row.original.status_reason}
          </span>
        )}
      </>
    ),
  }),
  column.accessor('actions_count', {
    header: 'Actions',
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  column.accessor((plugin) => plugin.health.failed, {
    id: 'health',
    header: 'Last 24 h',
    meta: { className: 'min-w-32' },
    cell: ({ row }) => <PluginHealthSummary health={row.original.health} />,
  }),
  column.accessor(
    (plugin) => plugin.backlog.queued + plugin.backlog.retrying + plugin.backlog.dead,
    {
      id: 'backlog',
      header: 'Backlog',
      meta: { className: 'min-w-28' },
      cell: ({ row }) => <BacklogSummary backlog={row.original.backlog} empty="—" />,
    },
  ),
  column.accessor((plugin) => plugin.circuit?.state ?? '', {
    id: 'circuit',
    header: 'Circuit',
    sortFn: 'text',
    meta: { className: 'hidden md:table-cell' },
    cell: ({ row }) =>
      row.original.circuit ? (
        <CircuitState circuit={row.original.circuit} />
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  }),
  column.accessor((plugin) => plugin.registered_at ?? '', {
    id: 'registered_at',
    header: 'Last registration',
    sortFn: 'text',
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ row }) => <TimeAgo iso={row.original.registered_at} />,
  }),
  column.accessor((plugin) => plugin.api_endpoint ?? '', {
    id: 'api_endpoint',
    header: 'Endpoint',
    enableSorting: false,
    // The plugin's page shows it: below 1536 px the backlog and circuit need the room.
    meta: { className: 'hidden 2xl:table-cell' },
    cell: ({ getValue }) => (
      <span className="break-all font-mono text-muted-foreground text-xs">{getValue() || '—'}</span>
    ),
  }),
]);

/**
 * Plugins are fetched a page at a time (in slug order), filtered by the API; the operator loads
 * more on demand.
 */
const PAGE_SIZE = 100;

export function PluginsView() {
  const [status, setStatus] = useState<PluginStatusFilter | ''>('');
  const [search, setSearch] = useState('');
  const plugins = trpc.plugins.list.useInfiniteQuery(
    { limit: PAGE_SIZE, status: status || undefined, search: search.trim() || undefined },
    {
      getNextPageParam: (page) => page.next_cursor ?? undefined,
      placeholderData: keepPreviousData,
    },
  );
  const loaded = plugins.data?.pages.flatMap((page) => page.plugins);
  const filtered = status !== '' || search.trim() !== '';
  return (
    <>
      <PageHeader
        title="Plugins"
        description="Who registered which actions, and whether their actions are callable."
      />
      <AddPluginPanel />
      <PluginListFilters
        status={status}
        onStatusChange={setStatus}
        search={search}
        onSearchChange={setSearch}
      />
      {plugins.error ? (
        <ApiErrorAlert error={plugins.error} title="Could not load plugins" />
      ) : (
        <div className="mt-3 flex flex-col gap-3">
          <DataTable
            label="Plugins"
            columns={columns}
            data={loaded}
            getRowId={(plugin) => plugin.id}
            empty={
              filtered ? (
                <EmptyState title="No plugins match these filters" />
              ) : (
                <EmptyState title="No plugins yet">
                  Add one above, or through <code>POST /api/plugins</code>.
                </EmptyState>
              )
            }
          />
          {plugins.hasNextPage && (
            <nav aria-label="More plugins" className="flex items-center justify-end gap-2">
              <span className="mr-auto text-muted-foreground text-xs">
                Showing the first {loaded?.length} plugins by slug; there are more.
              </span>
              <Button
                variant="outline"
                size="sm"
                disabled={plugins.isFetchingNextPage}
                onClick={() => plugins.fetchNextPage()}
              >
                Load more
              </Button>
            </nav>
          )}
        </div>
      )}
    </>
  );
}

/** "Add plugin", opening the form in place; once created, its key and secret, shown once. */
function AddPluginPanel() {
  const [open, setOpen] = useState(false);
  const [created, setCreated] = useState<CreatedPlugin | null>(null);
  const close = () => {
    setOpen(false);
    setCreated(null);
  };
  if (!open) {
    return (
      <div className="mb-4">
        <Button onClick={() => setOpen(true)}>
          <Plus aria-hidden />
          Add plugin
        </Button>
      </div>
    );
  }
  return (
    <Card aria-labelledby="add-plugin-title" className="mb-5">
      <CardHeader>
        <CardTitle id="add-plugin-title">Add plugin</CardTitle>
      </CardHeader>
      <CardContent>
        {created ? (
          <PluginCreated plugin={created} onDone={close} />
        ) : (
          <AddPluginForm onCreated={setCreated} onCancel={close} />
        )}
      </CardContent>
    </Card>
  );
}
