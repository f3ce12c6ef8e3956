'use client';

import type { DiscoveredAction } from '@registry/contracts';
import {
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from '@/components/ui/select';
import { catalogKey } from './batch-form-schema';

/** Picks an action from the catalog, grouped by who provides it. */
export function ActionPicker({
  id,
  actions,
  value,
  onChange,
  invalid,
}: {
  id: string;
  actions: DiscoveredAction[];
  value: string;
  onChange: (key: string) => void;
  invalid: boolean;
}) {
  const groups = new Map<string, DiscoveredAction[]>();
  for (const action of actions) {
    const provider = action.plugin_name ?? 'Platform';
    groups.set(provider, [...(groups.get(provider) ?? []), action]);
  }
  return (
    <Select value={value || undefined} onValueChange={onChange}>
      <SelectTrigger id={id} aria-invalid={invalid || undefined}>
        <SelectValue placeholder="Pick an action" />
      </SelectTrigger>
      <SelectContent>
        {[...groups].map(([provider, members]) => (
          <SelectGroup key={provider}>
            <SelectLabel>{provider}</SelectLabel>
            {members.map((action) => (
              <SelectItem key={catalogKey(action)} value={catalogKey(action)}>
                {action.action_type}
              </SelectItem>
            ))}
          </SelectGroup>
        ))}
      </SelectContent>
    </Select>
  );
}
