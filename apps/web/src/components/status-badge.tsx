import { Badge } from './ui/badge';

const VARIANT = {
  succeeded: 'success',
  failed: 'destructive',
  dead: 'destructive',
  queued: 'outline',
  running: 'warning',
  retrying: 'warning',
  active: 'success',
  inactive: 'outline',
  disabled: 'destructive',
  pending_verification: 'warning',
} as const;

/** An execution's or a plugin's status, coloured by what it means; with `count`, "3 dead". */
export function StatusBadge({ status, count }: { status: string; count?: number }) {
  const variant = VARIANT[status as keyof typeof VARIANT] ?? 'default';
  const label = status.replaceAll('_', ' ');
  return <Badge variant={variant}>{count === undefined ? label : `${count} ${label}`}</Badge>;
}
