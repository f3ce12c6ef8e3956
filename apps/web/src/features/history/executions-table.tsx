'use client';

import Link from 'next/link';
import { columnHelper, DataTable } from '@/components/data-table';
import { StatusBadge } from '@/components/status-badge';
import { TimeAgo } from '@/components/time-ago';
import { formatMs } from '@/lib/format-ms';
import type { RouterOutputs } from '@/trpc/router-types';

type Execution = RouterOutputs['executions']['list']['items'][number];
const column = columnHelper<Execution>();

/** Statuses whose `next_attempt_at` says when delivery goes on. */
const WAITING: readonly Execution['status'][] = ['queued', 'retrying'];

const columns = column.columns([
  column.accessor('created_at', {
    header: 'When',
    enableSorting: false,
    cell: ({ getValue }) => <TimeAgo iso={getValue()} />,
  }),
  column.accessor('status', {
    header: 'Status',
    enableSorting: false,
    cell: ({ row }) => (
      <>
        <StatusBadge status={row.original.status} />
        {row.original.dry_run && (
          <span className="mt-0.5 block text-muted-foreground text-xs">dry run</span>
        )}
        {row.original.output_mismatch && (
          <span className="mt-0.5 block text-amber-800 text-xs">output mismatch</span>
        )}
        {row.original.next_attempt_at && WAITING.includes(row.original.status) && (
          <span className="mt-0.5 block text-muted-foreground text-xs">
            next <TimeAgo iso={row.original.next_attempt_at} />
          </span>
        )}
      </>
    ),
  }),
  column.accessor('action_type', {
    header: 'Action',
    enableSorting: false,
    cell: ({ row }) => (
      <Link
        href={`/history/${row.original.id}`}
        className="rounded font-mono text-[13px] outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
      >
        {row.original.action_type}
      </Link>
    ),
  }),
  column.accessor((execution) => execution.plugin_slug ?? 'platform', {
    id: 'plugin',
    header: 'Plugin',
    enableSorting: false,
    meta: { className: 'hidden sm:table-cell' },
  }),
  column.accessor('source', {
    header: 'Source',
    enableSorting: false,
    meta: { className: 'hidden md:table-cell' },
    cell: ({ getValue }) => <span className="text-muted-foreground text-xs">{getValue()}</span>,
  }),
  column.accessor('flow_execution_id', {
    header: 'Flow',
    enableSorting: false,
    meta: { className: 'hidden lg:table-cell max-w-56' },
    cell: ({ getValue }) => (
      <span className="block truncate font-mono text-muted-foreground text-xs" title={getValue()}>
        {getValue()}
      </span>
    ),
  }),
  column.accessor((execution) => execution.attempts.length, {
    id: 'attempts',
    header: 'Attempts',
    enableSorting: false,
    meta: { className: 'hidden sm:table-cell text-right' },
    cell: ({ getValue }) => <span className="tabular-nums">{getValue()}</span>,
  }),
  column.accessor('duration_ms', {
    header: 'Duration',
    enableSorting: false,
    meta: { className: 'text-right' },
    cell: ({ getValue }) => <span className="tabular-nums">{formatMs(getValue())}</span>,
  }),
  column.accessor('error_code', {
    header: 'Error',
    enableSorting: false,
    meta: { className: 'hidden md:table-cell' },
    cell: ({ getValue }) => <code className="font-mono text-red-800 text-xs">{getValue()}</code>,
  }),
]);

export function ExecutionsTable({
  executions,
  empty,
}: {
  executions: Execution[] | undefined;
  empty: React.ReactNode;
}) {
  return (
    <DataTable
      label="Executions"
      columns={columns}
      data={executions}
      getRowId={(execution) => execution.id}
      empty={empty}
    />
  );
}
