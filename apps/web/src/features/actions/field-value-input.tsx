'use client';

import { parseFieldValue } from '@registry/contracts';
import type { ComponentProps } from 'react';
import { Input } from '@/components/ui/input';

/** What a typed value will be sent as, so `0` vs `"0"` is never a surprise. */
export function jsonTypeOf(text: string): string {
  const value = parseFieldValue(text);
  if (value === undefined) return 'empty';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

export function FieldValueInput({ value, ...props }: ComponentProps<'input'> & { value: string }) {
  return (
    <div className="relative">
      <Input value={value} className="pr-16 font-mono text-[13px]" {...props} />
      <span
        className="pointer-events-none absolute top-2.5 right-2.5 text-muted-foreground text-xs"
        data-testid="value-type"
      >
        {jsonTypeOf(value)}
      </span>
    </div>
  );
}
