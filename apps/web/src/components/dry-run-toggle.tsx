'use client';

import { useId } from 'react';
import { Badge } from './ui/badge';

/**
 * The **Dry run** switch of the test-fire and batch pages: with it on, dispatch goes as far as
 * the call and does nothing (platform actions roll back; plugins are called only when their
 * action supports dry runs).
 */
export function DryRunToggle({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const hint = useId();
  return (
    <div className="flex items-start gap-2">
      <input
        id={`${hint}-input`}
        type="checkbox"
        className="mt-0.5 size-4 accent-foreground"
        checked={checked}
        aria-describedby={hint}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div className="flex flex-col">
        <label htmlFor={`${hint}-input`} className="font-medium text-sm">
          Dry run
        </label>
        <span id={hint} className="text-muted-foreground text-xs">
          Checks and routes the event without doing anything
        </span>
      </div>
    </div>
  );
}

/** Marks an answer that came from a dry run. */
export function DryRunBadge() {
  return <Badge variant="warning">Dry run: nothing was done</Badge>;
}
