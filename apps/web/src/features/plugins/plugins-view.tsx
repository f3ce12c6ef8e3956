'use client';

import Link from 'next/link';
import { ApiErrorAlert } from '@/components/api-error-alert';
import { columnHelper, DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { StatusBadge } from '@/components/status-badge';
import { TimeAgo } from '@/components/time-ago';
import type { RouterOutputs } from '@/trpc/router-types';
import { trpc } from '@/trpc/trpc';

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
    cell: ({ getValue }) => <StatusBadge status={getValue()} />,
  }),
  column.accessor('actions_count', {
    header: 'Actions',
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
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
    meta: { className: 'hidden lg:table-cell' },
    cell: ({ getValue }) => (
      <span className="break-all font-mono text-muted-foreground text-xs">{getValue() || '—'}</span>
    ),
  }),
]);

export function PluginsView() {
  const plugins = trpc.plugins.list.useQuery({ limit: 500 });
  return (
    <>
      <PageHeader
        title="Plugins"
        description="Who registered which actions, and whether their actions are callable."
      />
      {plugins.error ? (
        <ApiErrorAlert error={plugins.error} title="Could not load plugins" />
      ) : (
        <DataTable
          label="Plugins"
          columns={columns}
          data={plugins.data?.plugins}
          getRowId={(plugin) => plugin.id}
          empty={
            <EmptyState title="No plugins yet">
              Plugins appear here once created through <code>POST /api/plugins</code>.
            </EmptyState>
          }
        />
      )}
    </>
  );
}
