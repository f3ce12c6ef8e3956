'use client';

import type { ListPluginsQuery } from '@registry/contracts';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { NativeSelect } from '@/components/ui/native-select';
import { useDebouncedCommit } from '@/lib/use-debounced-commit';

export type PluginStatusFilter = NonNullable<ListPluginsQuery['status']>;

const STATUS_OPTIONS: { value: PluginStatusFilter | ''; label: string }[] = [
  { value: '', label: 'Any status' },
  { value: 'active', label: 'Active' },
  { value: 'pending_verification', label: 'Pending verification' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'disabled', label: 'Disabled' },
];

/** The list's filters, both asked of the API: status, and a name or slug search once typing pauses. */
export function PluginListFilters({
  status,
  onStatusChange,
  search,
  onSearchChange,
}: {
  status: PluginStatusFilter | '';
  onStatusChange: (status: PluginStatusFilter | '') => void;
  search: string;
  onSearchChange: (search: string) => void;
}) {
  const [text, setText] = useDebouncedCommit(search, onSearchChange);
  return (
    <search aria-label="Filter plugins" className="flex flex-wrap items-end gap-3">
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plugin-search">Search</Label>
        <Input
          id="plugin-search"
          type="search"
          className="w-64"
          placeholder="Name or slug"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="plugin-status">Status</Label>
        <NativeSelect
          id="plugin-status"
          className="w-auto"
          value={status}
          onChange={(event) => onStatusChange(event.target.value as PluginStatusFilter | '')}
        >
          {STATUS_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </NativeSelect>
      </div>
    </search>
  );
}
