'use client';

import type { FacetCount } from '@registry/contracts';
import { Skeleton } from '@/components/ui/skeleton';
import { cn } from '@/lib/cn';

interface FacetGroupProps {
  title: string;
  facets: FacetCount[] | undefined;
  selected: string | undefined;
  onSelect: (value: string | undefined) => void;
}

/** One filter with a count per value; picking the selected value again clears it. */
export function FacetGroup({ title, facets, selected, onSelect }: FacetGroupProps) {
  const shown =
    facets && selected && !facets.some((facet) => facet.value === selected)
      ? [...facets, { value: selected, label: selected, count: 0 }]
      : facets;
  return (
    <fieldset className="min-w-0">
      <legend className="mb-1.5 px-1 font-medium text-muted-foreground text-xs">{title}</legend>
      <div className="flex flex-wrap gap-1 md:flex-col md:gap-0.5">
        {shown
          ? shown.map((facet) => {
              const active = facet.value === selected;
              return (
                <button
                  key={facet.value}
                  type="button"
                  aria-pressed={active}
                  onClick={() => onSelect(active ? undefined : facet.value)}
                  className={cn(
                    'flex h-7 items-center justify-between gap-3 rounded-md border px-2 text-left text-[13px] outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring md:border-transparent',
                    active && 'border-primary bg-accent font-medium md:border-transparent',
                  )}
                >
                  <span className="truncate">{facet.label}</span>
                  <span className="text-muted-foreground text-xs tabular-nums">{facet.count}</span>
                </button>
              );
            })
          : ['a', 'b', 'c', 'd'].map((key) => (
              <Skeleton key={key} className="h-7 w-32 md:w-full" />
            ))}
      </div>
    </fieldset>
  );
}
