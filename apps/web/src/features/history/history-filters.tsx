'use client';

import { EXECUTION_STATUSES } from '@registry/contracts';
import { X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Label } from '@/components/ui/label';
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import type { SearchFilters } from '@/lib/use-search-filters';
import { trpc } from '@/trpc/trpc';
import type { HistoryKey } from './history-filter-keys';
import { TextFilter } from './text-filter';
import { TimeRangeFilter } from './time-range-filter';

// Radix Select items cannot have an empty value; this one stands for "no filter".
const ANY = 'any';

interface HistoryFiltersProps {
  filters: SearchFilters<HistoryKey>;
  onChange: (changes: Partial<Record<HistoryKey, string | undefined>>) => void;
}

export function HistoryFilters({ filters, onChange }: HistoryFiltersProps) {
  const plugins = trpc.plugins.list.useQuery({ limit: 500 });
  const catalog = trpc.actions.discover.useQuery({});
  const actionTypes = [...new Set(catalog.data?.actions.map((action) => action.action_type))];
  const filtered = Object.keys(filters).some((key) => key !== 'view');
  return (
    <search
      aria-label="Filter history"
      className="grid grid-cols-1 items-end gap-3 sm:grid-cols-2 lg:grid-cols-[9rem_repeat(3,minmax(0,1fr))] xl:flex xl:flex-wrap"
    >
      <div className="flex flex-col gap-1.5 xl:w-36">
        <Label htmlFor="history-status">Status</Label>
        <Select
          value={filters.status ?? ANY}
          onValueChange={(status) => onChange({ status: status === ANY ? undefined : status })}
        >
          <SelectTrigger id="history-status">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any status</SelectItem>
            {EXECUTION_STATUSES.map((status) => (
              <SelectItem key={status} value={status}>
                {status}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <TextFilter
        id="history-action"
        label="Action"
        value={filters.action_type ?? ''}
        onChange={(action_type) => onChange({ action_type })}
        suggestions={actionTypes}
        placeholder="action_type"
      />
      <div className="flex flex-col gap-1.5 xl:w-48">
        <Label htmlFor="history-plugin">Plugin</Label>
        <Select
          value={filters.plugin_id ?? ANY}
          onValueChange={(id) => onChange({ plugin_id: id === ANY ? undefined : id })}
        >
          <SelectTrigger id="history-plugin">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ANY}>Any plugin</SelectItem>
            {plugins.data?.plugins.map((plugin) => (
              <SelectItem key={plugin.id} value={plugin.id}>
                {plugin.name}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <TextFilter
        id="history-flow"
        label="Flow execution"
        value={filters.flow_execution_id ?? ''}
        onChange={(flow_execution_id) => onChange({ flow_execution_id })}
        placeholder="flow_execution_id"
      />
      <TimeRangeFilter
        from={filters.from}
        to={filters.to}
        onChange={(range) => onChange({ from: range.from, to: range.to })}
      />
      {filtered && (
        <Button
          variant="ghost"
          size="sm"
          className="h-9 justify-self-start"
          onClick={() =>
            onChange({
              status: undefined,
              action_type: undefined,
              plugin_id: undefined,
              flow_execution_id: undefined,
              from: undefined,
              to: undefined,
            })
          }
        >
          <X aria-hidden />
          Clear filters
        </Button>
      )}
    </search>
  );
}
