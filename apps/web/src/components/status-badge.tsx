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

/** An execution's or a plugin's status, coloured by what it means. */
export function StatusBadge({ status }: { status: string }) {
  const variant = VARIANT[status as keyof typeof VARIANT] ?? 'default';
  return <Badge variant={variant}>{status.replaceAll('_', ' ')}</Badge>;
}
