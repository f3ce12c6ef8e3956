'use client';

import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { fromLocalDateTime, toLocalDateTime } from '@/lib/local-date-time';

const PRESETS = [
  ['1h', 3_600_000],
  ['24h', 86_400_000],
  ['7d', 7 * 86_400_000],
] as const;

export function TimeRangeFilter({
  from,
  to,
  onChange,
}: {
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from?: string; to?: string }) => void;
}) {
  return (
    <>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="history-from">From</Label>
        <Input
          id="history-from"
          type="datetime-local"
          value={toLocalDateTime(from)}
          onChange={(event) => onChange({ from: fromLocalDateTime(event.target.value), to })}
        />
      </div>
      <div className="flex flex-col gap-1.5">
        <Label htmlFor="history-to">To</Label>
        <Input
          id="history-to"
          type="datetime-local"
          value={toLocalDateTime(to)}
          onChange={(event) => onChange({ from, to: fromLocalDateTime(event.target.value) })}
        />
      </div>
      <fieldset className="flex items-end gap-1">
        <legend className="sr-only">Quick ranges</legend>
        {PRESETS.map(([label, span]) => (
          <Button
            key={label}
            type="button"
            variant="outline"
            size="sm"
            className="h-9"
            aria-label={`Last ${label}`}
            onClick={() => onChange({ from: new Date(Date.now() - span).toISOString() })}
          >
            {label}
          </Button>
        ))}
      </fieldset>
    </>
  );
}
