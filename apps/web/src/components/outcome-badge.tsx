import { CircleCheck, CircleX } from 'lucide-react';
import type { ReactNode } from 'react';
import { Badge } from './ui/badge';

/** One event's outcome: green with a tick when it succeeded, red with a cross when not. */
export function OutcomeBadge({ success, children }: { success: boolean; children: ReactNode }) {
  const Icon = success ? CircleCheck : CircleX;
  return (
    <Badge variant={success ? 'success' : 'destructive'}>
      <Icon className="size-3.5" aria-hidden />
      {children}
    </Badge>
  );
}
