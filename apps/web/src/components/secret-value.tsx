'use client';

import { useId } from 'react';
import { CopyButton } from './copy-button';
import { Input } from './ui/input';
import { Label } from './ui/label';

/** A secret shown this once: its value in a read-only field, and a button to copy it. */
export function SecretValue({ label, value }: { label: string; value: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex items-center gap-2">
        <Input
          id={id}
          readOnly
          value={value}
          className="font-mono text-xs"
          onFocus={(event) => event.currentTarget.select()}
        />
        <CopyButton value={value} label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}
