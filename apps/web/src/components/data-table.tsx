'use client';

import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  metaHelper,
  type RowData,
  rowSortingFeature,
  sortFn_alphanumeric,
  sortFn_text,
  tableFeatures,
  useTable,
} from '@tanstack/react-table';
import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';
import { Skeleton } from './ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from './ui/table';

/** `className` applies to a column's header and cells, e.g. to hide it at phone width. */
export const dataTableFeatures = tableFeatures({
  columnMeta: metaHelper<{ className?: string }>(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, text: sortFn_text },
});

export const columnHelper = <T extends RowData>() =>
  createColumnHelper<typeof dataTableFeatures, T>();

// biome-ignore lint/suspicious/noExplicitAny: columns of one table hold values of different types.
export type DataTableColumns<T extends RowData> = ColumnDef<typeof dataTableFeatures, T, any>[];

interface DataTableProps<T extends RowData> {
  columns: DataTableColumns<T>;
  data: T[] | undefined;
  /** Shown instead of rows when `data` is empty. */
  empty: ReactNode;
  label: string;
  getRowId?: (row: T) => string;
}

/** A dense, sortable table; skeleton rows while `data` is loading. */
export function DataTable<T extends RowData>({
  columns,
  data,
  empty,
  label,
  getRowId,
}: DataTableProps<T>) {
  const table = useTable({
    features: dataTableFeatures,
    columns,
    data: data ?? NO_ROWS,
    getRowId: getRowId ? (row) => getRowId(row) : undefined,
  });
  if (data && data.length === 0) return <>{empty}</>;
  return (
    <div className="rounded-lg border">
      <Table aria-label={label} aria-busy={!data}>
        <TableHeader>
          {table.getHeaderGroups().map((group) => (
            <TableRow key={group.id} className="hover:bg-transparent">
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <TableHead
                    key={header.id}
                    className={header.column.columnDef.meta?.className}
                    aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="-mx-1 inline-flex items-center gap-1 rounded px-1 outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
                      >
                        <table.FlexRender header={header} />
                        <SortIcon sorted={sorted} />
                      </button>
                    ) : (
                      <table.FlexRender header={header} />
                    )}
                  </TableHead>
                );
              })}
            </TableRow>
          ))}
        </TableHeader>
        <TableBody>
          {data
            ? table.getRowModel().rows.map((row) => (
                <TableRow key={row.id}>
                  {row.getAllCells().map((cell) => (
                    <TableCell key={cell.id} className={cell.column.columnDef.meta?.className}>
                      <table.FlexRender cell={cell} />
                    </TableCell>
                  ))}
                </TableRow>
              ))
            : SKELETON_ROWS.map((key) => (
                <TableRow key={key}>
                  {columns.map((column, index) => (
                    <TableCell key={column.id ?? index} className={column.meta?.className}>
                      <Skeleton className={cn('h-4', index === 0 ? 'w-40' : 'w-16')} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
        </TableBody>
      </Table>
    </div>
  );
}

const NO_ROWS: never[] = [];
const SKELETON_ROWS = ['a', 'b', 'c', 'd', 'e'];

function SortIcon({ sorted }: { sorted: false | 'asc' | 'desc' }) {
  if (sorted === 'asc') return <ArrowUp className="size-3" aria-hidden />;
  if (sorted === 'desc') return <ArrowDown className="size-3" aria-hidden />;
  return <ChevronsUpDown className="size-3 opacity-50" aria-hidden />;
}
