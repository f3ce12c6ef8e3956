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

/** A labelled local date-time input holding an ISO instant (undefined when empty). */
function DateTimeField({
  id,
  label,
  value,
  onChange,
}: {
  id: string;
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Input
        id={id}
        type="datetime-local"
        value={toLocalDateTime(value)}
        onChange={(event) => onChange(fromLocalDateTime(event.target.value))}
      />
    </div>
  );
}

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
      <DateTimeField
        id="history-from"
        label="From"
        value={from}
        onChange={(value) => onChange({ from: value, to })}
      />
      <DateTimeField
        id="history-to"
        label="To"
        value={to}
        onChange={(value) => onChange({ from, to: value })}
      />
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
