'use client';

import type { ActionDefinition } from '@registry/contracts';
import Link from 'next/link';
import { useMemo } from 'react';
import { columnHelper, DataTable } from '@/components/data-table';
import { EmptyState } from '@/components/empty-state';
import { Badge } from '@/components/ui/badge';
import { actionHref } from '@/features/actions/action-href';

const column = columnHelper<ActionDefinition>();

/** A plugin's registered actions; only an active plugin's link to a callable action page. */
export function PluginActionsTable({
  actions,
  pluginId,
  active,
}: {
  actions: ActionDefinition[];
  pluginId: string;
  active: boolean;
}) {
  const columns = useMemo(
    () =>
      column.columns([
        column.accessor('title', {
          header: 'Action',
          sortFn: 'text',
          cell: ({ row }) => {
            const label = (
              <>
                <span className="font-medium">{row.original.title}</span>
                <span className="block font-mono text-muted-foreground text-xs">
                  {row.original.action_type}
                </span>
              </>
            );
            return active ? (
              <Link
                href={actionHref({ action_type: row.original.action_type, plugin_id: pluginId })}
                className="block rounded outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
              >
                {label}
              </Link>
            ) : (
              label
            );
          },
        }),
        column.accessor('category', {
          header: 'Category',
          sortFn: 'text',
          cell: ({ getValue }) => <Badge variant="outline">{getValue()}</Badge>,
        }),
        column.accessor((action) => action.required_fields.join(', '), {
          id: 'required',
          header: 'Required fields',
          enableSorting: false,
          meta: { className: 'hidden md:table-cell' },
          cell: ({ getValue }) => <span className="font-mono text-xs">{getValue() || '—'}</span>,
        }),
        column.accessor('endpoint', {
          header: 'Endpoint',
          enableSorting: false,
          meta: { className: 'hidden lg:table-cell' },
          cell: ({ getValue }) => (
            <span className="font-mono text-muted-foreground text-xs">{getValue()}</span>
          ),
        }),
      ]),
    [pluginId, active],
  );
  return (
    <DataTable
      label="Registered actions"
      columns={columns}
      data={actions}
      getRowId={(action) => action.action_type}
      empty={
        <EmptyState title="No actions registered">
          The plugin has not registered any actions yet.
        </EmptyState>
      }
    />
  );
}
