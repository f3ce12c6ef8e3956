import type { ReactNode } from 'react';
import { cn } from '@/lib/cn';

/** Term/value pairs in two aligned columns. */
export function FactList({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <dl className={cn('grid grid-cols-[8rem_minmax(0,1fr)] gap-x-3 gap-y-2.5', className)}>
      {children}
    </dl>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{term}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  );
}
