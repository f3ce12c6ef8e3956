import { Badge } from './ui/badge';

const VARIANT = {
  success: 'success',
  failed: 'destructive',
  pending: 'warning',
  active: 'success',
  inactive: 'outline',
  pending_verification: 'warning',
} as const;

/** An execution's or a plugin's status, coloured by what it means. */
export function StatusBadge({ status }: { status: string }) {
  const variant = VARIANT[status as keyof typeof VARIANT] ?? 'default';
  return <Badge variant={variant}>{status.replaceAll('_', ' ')}</Badge>;
}
