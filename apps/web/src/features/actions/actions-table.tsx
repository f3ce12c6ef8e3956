'use client';

import type { DiscoveredAction } from '@registry/contracts';
import Link from 'next/link';
import { columnHelper, DataTable } from '@/components/data-table';
import { Badge } from '@/components/ui/badge';
import { actionHref } from './action-href';
import { HealthBadge } from './health-badge';

const column = columnHelper<DiscoveredAction>();

const columns = column.columns([
  column.accessor('title', {
    header: 'Action',
    sortFn: 'text',
    // Takes the width the other columns leave; the description truncates within it.
    meta: { className: 'w-full max-w-0' },
    cell: ({ row }) => (
      <Link
        href={actionHref(row.original)}
        className="group block rounded outline-none focus-visible:ring-2 focus-visible:ring-ring"
      >
        <span className="flex min-w-0 items-baseline gap-2">
          <span className="shrink-0 font-medium group-hover:underline">{row.original.title}</span>
          <span className="hidden truncate text-muted-foreground text-xs md:inline">
            {row.original.description}
          </span>
        </span>
        <span className="block truncate font-mono text-muted-foreground text-xs">
          {row.original.action_type}
        </span>
      </Link>
    ),
  }),
  column.accessor('category', {
    header: 'Category',
    sortFn: 'text',
    cell: ({ getValue }) => <Badge variant="outline">{getValue()}</Badge>,
  }),
  column.accessor((action) => action.plugin_name ?? 'Platform', {
    id: 'source',
    header: 'Provided by',
    sortFn: 'text',
    meta: { className: 'hidden sm:table-cell' },
    cell: ({ getValue }) => <span className="whitespace-nowrap">{getValue()}</span>,
  }),
  column.accessor((action) => action.health.success_rate ?? -1, {
    id: 'health',
    header: 'Health (24h)',
    sortFn: 'alphanumeric',
    cell: ({ row }) => <HealthBadge health={row.original.health} />,
  }),
  column.accessor((action) => action.required_fields.length, {
    id: 'fields',
    header: 'Fields',
    meta: { className: 'hidden lg:table-cell' },
    cell: ({ row }) => (
      <span className="whitespace-nowrap text-muted-foreground text-xs tabular-nums">
        {row.original.required_fields.length} req · {row.original.optional_fields.length} opt
      </span>
    ),
  }),
]);

export function ActionsTable({
  actions,
  empty,
}: {
  actions: DiscoveredAction[] | undefined;
  empty: React.ReactNode;
}) {
  return (
    <DataTable
      label="Actions"
      columns={columns}
      data={actions}
      empty={empty}
      getRowId={(action) => `${action.plugin_id ?? 'platform'}/${action.action_type}`}
    />
  );
}
